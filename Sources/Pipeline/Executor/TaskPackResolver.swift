import Foundation
import Git
import PFBotCore

/// The template pack of a task in the bot's repository: the built-in packs with the repository's own
/// (`.github/pfbot/templates/<pack>/` on the default branch, read from the libgit2 mirror, so it costs no API
/// call) laid over them, the best match for the task, its rendered files and its checks.
struct TaskPackResolver: Sendable {
    let context: PipelineContext

    /// The resolved pack of a task.
    struct Resolved: Sendable {
        /// The library used, with the problems of refused repository packs.
        var library: PackLibrary
        /// The pack chosen and why.
        var choice: PackChoice
        /// The files the pack renders (repository path → bytes).
        var files: [String: Data]
        /// The QC rules the pack adds.
        var rules: [any QCRule]
        /// The pack's steps, their commands rendered.
        var steps: [PackStep]
    }

    /// Resolves the pack of `task` against the default branch `ref` of the mirror. A repository pack that fails to
    /// render for this task (a destination outside the repository, a broken parameter) is refused like an invalid one:
    /// its problem is recorded and the pack is chosen again from the built-in ones.
    func resolve(_ task: PostFiatTask, analysis: TaskAnalysis, handle: MirrorHandle, ref: String) async throws -> Resolved {
        let git = context.git.workspace
        let tree = try await git.listTree(in: handle, ref: ref).filter { $0.kind == .file }
        let repositoryFiles = try await RepositoryPackFiles.read(git, handle: handle, ref: ref, tree: tree)
        let builtIn = try PackLibrary.builtIn()
        let library = repositoryFiles.isEmpty ? builtIn : builtIn.overlaid(withRepositoryFiles: repositoryFiles)
        let packContext = PackContext(task: task, analysis: analysis, repositoryPaths: tree.map(\.path))
        let choice = try library.choose(for: task, analysis: analysis)
        do {
            return try render(choice, library: library, context: packContext)
        } catch let error as TemplateError {
            guard case .repository(let folder) = choice.pack.origin else { throw error }
            let problem = PackProblem(file: folder + "/pack.yml", line: nil, key: "", message: "cannot be rendered for this task: \(error)")
            let fallback = PackLibrary(packs: builtIn.packs, common: builtIn.common, problems: library.problems + [problem])
            return try render(try fallback.choose(for: task, analysis: analysis), library: fallback, context: packContext)
        }
    }

    private func render(_ choice: PackChoice, library: PackLibrary, context packContext: PackContext) throws -> Resolved {
        let renderer = TemplateRenderer()
        return Resolved(library: library, choice: choice, files: try renderer.render(choice, library: library, context: packContext),
                        rules: try renderer.rules(choice, context: packContext), steps: try renderer.steps(choice, context: packContext))
    }
}

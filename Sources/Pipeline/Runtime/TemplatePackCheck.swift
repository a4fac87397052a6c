import Foundation
import GitHub
import PFBotCore

/// The `pfbot / templates` check: a push that changes `.github/pfbot/templates/` gets the repository's template packs
/// validated at the pushed commit (read from the libgit2 mirror), each problem an annotation on its file and line,
/// as `pfbot / config` does for `.github/pfbot.yml`.
struct TemplatePackCheck {
    /// The check run's name.
    static let name = "pfbot / templates"

    let context: PipelineContext

    /// Whether a push changed a file under `.github/pfbot/templates/`: `true` when its commits list one, `nil` when
    /// the list may be cut short (GitHub lists at most 20 commits), `false` otherwise.
    static func touchesPacks(_ push: PushEvent) -> Bool? {
        let prefix = PackLibrary.repositoryFolder + "/"
        let commits = push.commits ?? []
        if commits.contains(where: { commit in [commit.added, commit.modified, commit.removed].contains { $0?.contains { $0.hasPrefix(prefix) } == true } }) {
            return true
        }
        return commits.count >= 20 ? nil : false
    }

    /// Validates the packs at `commit` and publishes the check on it; when the push may not have touched them
    /// (`certain` false), only if the commit has repository packs.
    func check(commit: String, certain: Bool) async throws {
        let git = context.git.workspace
        let handle = try await context.git.freshMirror()
        let files = try await RepositoryPackFiles.read(git, handle: handle, ref: commit, tree: try await git.listTree(in: handle, ref: commit))
        if files.isEmpty, !certain { return }
        let library = try PackLibrary.builtIn().overlaid(withRepositoryFiles: files)
        let packs = library.packs.filter { $0.origin != .builtIn }.map(\.name)
        let problems = library.problems
        let output: CheckRunOutput
        if problems.isEmpty {
            output = CheckRunOutput(title: packs.isEmpty ? "No repository template packs" : "\(packs.count) template pack\(packs.count == 1 ? "" : "s") valid",
                                    summary: packs.isEmpty ? "The built-in packs apply (docs/templates.md)."
                                        : "Merged into the default branch, these packs are used for tasks started afterwards: " + packs.map { "`\($0)`" }.joined(separator: ", ") + ".")
        } else {
            output = CheckRunOutput(
                title: "\(problems.count) problem\(problems.count == 1 ? "" : "s") in \(PackLibrary.repositoryFolder)",
                summary: "A pack with problems is not used; pfbot uses the built-in pack of that name (or the next best match) instead.\n\n"
                    + problems.map { "- " + IssueBody.escapeInline($0.description) }.joined(separator: "\n"),
                annotations: problems.prefix(50).map { problem in
                    CheckAnnotation(path: problem.file, startLine: problem.line ?? 1, endLine: problem.line ?? 1, level: "failure", message: problem.message,
                                    title: problem.key.isEmpty ? nil : problem.key)
                })
        }
        _ = try await context.github.publishCheck(context.repository, CheckRunRequest(
            name: Self.name, headSha: commit, status: .completed, conclusion: problems.isEmpty ? .success : .failure, completedAt: context.now(), output: output))
    }
}

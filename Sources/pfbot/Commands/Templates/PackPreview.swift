import Foundation
import PFBotCore
import Pipeline

/// What the executor would commit for a task, computed locally: the chosen (or named) pack, its files and its checks.
struct PackPreview {
    var choice: PackChoice
    var files: [String: Data]
    var rules: [any QCRule]
    var context: PackContext

    /// Renders `pack` (or the best match) for `task` against the checkout's packs and files.
    static func make(task: PostFiatTask, pack: String?, packs: RepositoryPacks) throws -> PackPreview {
        let library = try packs.library()
        try RepositoryPacks.refuse(library)
        let analysis = TaskAnalyzer().analyze(task)
        let choice: PackChoice
        if let pack {
            guard let found = library.pack(named: pack) else {
                throw CommandFailure(code: "unknown_pack", message: "there is no pack named \(pack.debugDescription)", hint: "run `pfbot templates list` for the names")
            }
            choice = PackChoice(pack: found, reason: "named on the command line")
        } else {
            do { choice = try library.choose(for: task, analysis: analysis) } catch {
                throw CommandFailure(code: "missing_templates", message: String(describing: error), hint: "name a pack with PACK")
            }
        }
        let context = PackContext(task: task, analysis: analysis, repositoryPaths: packs.paths())
        do {
            let renderer = TemplateRenderer()
            return PackPreview(choice: choice, files: try renderer.render(choice, library: library, context: context),
                               rules: try renderer.rules(choice, context: context), context: context)
        } catch {
            throw CommandFailure(code: "invalid_pack", message: String(describing: error), hint: "fix the pack named above (docs/templates.md)")
        }
    }
}

import Foundation
import PFBotCore
import Pipeline

/// Renders the built-in pack the executor would choose for `task` in a repository holding `paths`.
func renderBuiltInPack(_ task: PostFiatTask, paths: [String] = [], repositoryPacks: [String: String] = [:]) throws
    -> (choice: PackChoice, files: [String: Data], rules: [any QCRule], library: PackLibrary) {
    let analysis = TaskAnalyzer().analyze(task)
    var library = try PackLibrary.builtIn()
    if !repositoryPacks.isEmpty { library = library.overlaid(withRepositoryFiles: repositoryPacks) }
    let choice = try library.choose(for: task, analysis: analysis)
    let context = PackContext(task: task, analysis: analysis, repositoryPaths: paths)
    let renderer = TemplateRenderer()
    return (choice, try renderer.render(choice, library: library, context: context), try renderer.rules(choice, context: context), library)
}

/// The text of a rendered file.
func text(_ files: [String: Data], _ path: String) -> String? {
    files[path].map { String(decoding: $0, as: UTF8.self) }
}

import ArgumentParser
import Foundation
import Pipeline

/// `pfbot templates render [PACK] --task ID|--task-file F --output DIR`: the files the executor would commit.
struct TemplatesRenderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render a pack for a task into a folder: the files the executor would commit, at their repository paths.",
        discussion: "Without PACK, the pack the executor would choose is used and the reason printed. Nothing is written when rendering fails."
    )

    @Argument(help: "The pack to render (default: the best match for the task).")
    var pack: String?

    @OptionGroup var selection: TaskSelection
    @OptionGroup var packs: RepositoryPacks

    @Option(help: ArgumentHelp("The folder to write into (created when missing).", valueName: "dir"))
    var output: String

    @OptionGroup var options: GlobalOptions

    struct Result: Encodable {
        var pack: String
        var reason: String
        var files: [String]
    }

    func run() async throws {
        let task = try await selection.load(config: options.config)
        let preview = try PackPreview.make(task: task, pack: pack, packs: packs)
        let root = URL(fileURLWithPath: output)
        for (path, data) in preview.files.sorted(by: { $0.key < $1.key }) {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        let result = Result(pack: preview.choice.pack.name, reason: preview.choice.reason, files: preview.files.keys.sorted())
        if options.json { try Output.success(result); return }
        Output.line("pack \(result.pack) (\(preview.choice.pack.origin)): \(result.reason)")
        for file in result.files { Output.line("  wrote \(output)/\(file)") }
    }
}

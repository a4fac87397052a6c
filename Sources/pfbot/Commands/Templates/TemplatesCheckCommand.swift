import ArgumentParser
import Foundation
import PFBotCore
import Pipeline

/// `pfbot templates check DIR --task ID|--task-file F`: the pack's checks on a folder laid out like the repository
/// (e.g. the output of `pfbot templates render`).
struct TemplatesCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run a pack's QC checks on a folder laid out like the repository (what `render` wrote, once filled in).",
        discussion: "Exits 1 when a check fails. The toolchain-tests check is not run here or on the server; it runs in GitHub Actions."
    )

    @Argument(help: "The folder to check.")
    var directory: String

    @Option(help: "The pack whose checks run (default: the best match for the task).")
    var pack: String?

    @OptionGroup var selection: TaskSelection
    @OptionGroup var packs: RepositoryPacks
    @OptionGroup var options: GlobalOptions

    func run() async throws {
        let task = try await selection.load(config: options.config)
        let preview = try PackPreview.make(task: task, pack: pack, packs: packs)
        let root = URL(fileURLWithPath: directory)
        var files: [String: Data] = [:]
        for path in preview.files.keys {
            if let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) { files[path] = data }
        }
        let folder = preview.context.folder
        if let names = try? FileManager.default.subpathsOfDirectory(atPath: root.appendingPathComponent(folder).path) {
            for name in names where files[folder + "/" + name] == nil {
                if let data = FileManager.default.contents(atPath: root.appendingPathComponent(folder + "/" + name).path) { files[folder + "/" + name] = data }
            }
        }
        let input = QCInput(task: task, analysis: preview.context.analysis, folder: folder, files: files, changedPaths: Array(files.keys),
                            templatePaths: preview.files.keys.sorted(), rules: QualityRules(enabledRules: [], maxFileBytes: .max, maxTotalBytes: .max),
                            packRules: preview.rules)
        let report = QualityControl().evaluate(input)
        if !options.json { Output.line("pack \(preview.choice.pack.name): \(preview.choice.reason)\n\n" + report.markdown(limit: .max)) }
        guard report.passed else {
            throw CommandFailure(code: "qc_failed", message: "the \(preview.choice.pack.name) pack's checks failed in \(directory)",
                                 hint: "fix what the failing checks name and run `pfbot templates check` again", result: try JSONText(report))
        }
        if options.json { try Output.success(report) }
    }
}

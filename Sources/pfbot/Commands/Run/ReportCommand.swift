import Analytics
import ArgumentParser
import Foundation
import Pipeline
import Storage

/// `pfbot report`: acceptance, completion and QC pass rates, PFT earned, time in state, return per task and the
/// audit log, from the store, as Markdown, HTML (the dashboard's page) or JSON.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print how the work is going: rates, PFT earned, time in state, return per task, the audit log.",
        discussion: "Reads the store (opening it applies pending migrations, as every command does); run `pfbot sync` first for fresh Task Node states. `pfbot serve` shows the same report at /dashboard."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case markdown, html, json
    }

    @OptionGroup var options: GlobalOptions

    @Option(help: "markdown, html or json (the dashboard's /dashboard.json document); --json prints the report in the --json envelope instead (with --output: the file's path).")
    var format: Format = .markdown

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(help: "How many audit-log entries to list (newest first).")
    var audit = 50

    func validate() throws {
        guard (0...10_000).contains(audit) else { throw ValidationError("--audit must be 0…10000") }
    }

    func run() async throws {
        let configuration = try loadConfiguration(options.config)
        let store = try await openStore(configuration)
        let report: AnalyticsReport
        do {
            report = try await AnalyticsCollector(auditLines: audit, gitHubWebURL: configuration.github.webURL).collect(from: store, now: Date())
            try await store.close()
        } catch {
            try? await store.close()
            throw error
        }
        let text: Data
        switch format {
        case .markdown: text = Data(MarkdownReport.render(report).utf8)
        case .html: text = Data(HTMLReport.render(report).utf8)
        case .json: text = try AnalyticsJSON.encode(report) + Data("\n".utf8)
        }
        guard let output else {
            if options.json { try Output.success(report) } else { FileHandle.standardOutput.write(text) }
            return
        }
        try write(text, to: output)
        if options.json { try Output.success(WrittenFile(output: output)) } else { Output.line("✓ report written to \(output)") }
    }

    private func write(_ text: Data, to output: String) throws {
        do {
            try text.write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            throw CommandFailure(code: "cannot_write", message: "cannot write \(output): \(error.localizedDescription)",
                                 hint: "check the folder exists and is writable")
        }
    }

    private struct WrittenFile: Encodable {
        var output: String
    }
}

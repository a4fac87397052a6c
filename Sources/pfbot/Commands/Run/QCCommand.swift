import ArgumentParser
import Foundation
import PFBotCore
import Pipeline

/// `pfbot qc --branch B [--output FILE]`: the QC report of a task branch, as the check run shows it, without
/// publishing anything; `--output` writes the check run's summary to a file (never to the branch: a commit there
/// would start QC again).
struct QCCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qc",
        abstract: "Print the QC report of a task branch (the same rules as the check run; nothing is published).",
        discussion: "Exits 1 when a rule fails. The branch is read from the mirror after a fetch; no code from it is run. --output writes "
            + "the report exactly as the check run's summary and the pull request's QC comment show it (keep the file out of the branch)."
    )

    @OptionGroup var options: GlobalOptions

    @Option(help: "The task branch, e.g. pf/write-the-guide-89abcdef.")
    var branch: String

    @Option(help: "Write the report, as the check run's summary shows it, to this file (replaced atomically).")
    var output: String?

    func run() async throws {
        let configuration = try loadConfiguration(options.config)
        let assembly = try await BotAssembly.build(configuration, logger: LoggingSetup.logger("pfbot.qc", level: configuration.logLevel),
                                                        workerName: ProcessIdentity.name)
        var report: QCReport?
        do {
            if let record = try await assembly.store.task(repository: assembly.context.repository.description, branch: branch) {
                report = try await QualityControlRun(context: assembly.context).evaluate(record, head: branch)
            }
            try await assembly.store.close()
        } catch {
            try? await assembly.store.close()
            throw error
        }
        guard let report else {
            throw CommandFailure(code: "unknown_branch", message: "no task uses branch \(branch)", hint: "run `pfbot sync` first, or check the name with `pfbot tasks`")
        }
        if let output {
            try write(report.markdown(), to: output)
            if !options.json { Output.line("✓ QC report written to \(output)") }
        } else if !options.json {
            Output.line(report.markdown(limit: .max))
        }
        guard report.passed else {
            throw CommandFailure(code: "qc_failed", message: "QC failed on \(branch)", hint: "fix what the failing rules name, push, and run `pfbot qc` again",
                                 result: try JSONText(report))
        }
        if options.json { try Output.success(report) }
    }

    private func write(_ text: String, to output: String) throws {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            throw CommandFailure(code: "cannot_write", message: "cannot write the QC report to \(output): \(error.localizedDescription)",
                                 hint: "check the folder exists and is writable, or give another --output")
        }
    }
}

import ArgumentParser
import Foundation
import PFBotCore
import Pipeline

/// `pfbot qc --branch B`: the QC report of a task branch, as the check run shows it, without publishing anything.
struct QCCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qc",
        abstract: "Print the QC report of a task branch (the same rules as the check run; nothing is published).",
        discussion: "Exits 1 when a rule fails. The branch is read from the mirror after a fetch; no code from it is run."
    )

    @OptionGroup var options: GlobalOptions

    @Option(help: "The task branch, e.g. pf/write-the-guide-89abcdef.")
    var branch: String

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
        if !options.json { Output.line(report.markdown(limit: .max)) }
        guard report.passed else {
            throw CommandFailure(code: "qc_failed", message: "QC failed on \(branch)", hint: "fix what the failing rules name, push, and run `pfbot qc` again",
                                 result: try JSONText(report))
        }
        if options.json { try Output.success(report) }
    }
}

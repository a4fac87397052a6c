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
        do {
            guard let record = try await assembly.store.task(repository: assembly.context.repository.description, branch: branch) else {
                Output.error("✗ no task uses branch \(branch); run `pfbot sync` first, or check the name with `pfbot tasks`")
                throw ExitCode.failure
            }
            let report = try await QualityControlRun(context: assembly.context).evaluate(record, head: branch)
            if options.json { Output.json(report) } else { Output.line(report.markdown(limit: .max)) }
            try await assembly.store.close()
            if !report.passed { throw ExitCode.failure }
        } catch {
            try? await assembly.store.close()
            throw error
        }
    }
}

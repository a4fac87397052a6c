import ArgumentParser
import Foundation
import PFBotCore
import Pipeline

/// `pfbot submit --branch B [--dry-run]`: submits a task branch's head to Post Fiat as `/pf submit` does, or shows
/// the evidence it would send.
struct SubmitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: "Submit a task branch's head to Post Fiat (as `/pf submit`), or show what would be sent with --dry-run.",
        discussion: "The gates of a merge apply: QC passed on the head, no changes requested on it, an approval when require_approval is set. "
            + "--dry-run prints the evidence the QC check shows under \"What will be submitted\" and writes nothing."
    )

    @OptionGroup var options: GlobalOptions

    @Option(help: "The task branch, e.g. pf/write-the-guide-89abcdef.")
    var branch: String

    @Flag(help: "Print the evidence that would be sent; submit nothing.")
    var dryRun = false

    func run() async throws {
        let configuration = try loadConfiguration(options.config)
        let assembly = try await BotAssembly.build(configuration, logger: LoggingSetup.logger("pfbot.submit", level: configuration.logLevel),
                                                   workerName: ProcessIdentity.name)
        do {
            let submission = BranchSubmission(context: assembly.context)
            if dryRun {
                let plan = try await submission.plan(branch: branch)
                if options.json { try Output.success(plan) } else { Output.line(plan.preview) }
            } else {
                let plan = try await submission.enqueue(branch: branch)
                let outcome = try await assembly.syncPass.run()
                let state = try await assembly.store.task(try TaskID(plan.task))?.task.state.rawValue ?? "unknown"
                if options.json {
                    try Output.success(["task": plan.task, "head": plan.head, "state": state])
                } else {
                    Output.line("Submission of \(branch) at \(plan.head.prefix(12)) queued and run: the task is \(state). \(outcome.text)")
                }
                if outcome.deadJobs > 0 { throw ExitCode.failure }
            }
            try await assembly.store.close()
        } catch {
            try? await assembly.store.close()
            throw error
        }
    }
}

import ArgumentParser
import Foundation
import PFBotConfig
import Pipeline

/// `pfbot sync`: one poll of the Task Node, one reconciliation with GitHub, then every due job.
struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Poll the Task Node, reconcile GitHub, and run every due job once.",
        discussion: "What `pfbot serve` does on its interval, once, in the foreground; also the scheduled run of `pfbot action`."
    )

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        let configuration = try loadConfiguration(options.config)
        let logger = LoggingSetup.logger("pfbot.sync", level: configuration.logLevel)
        let assembly = try await PipelineAssembly.build(configuration, logger: logger, workerName: ProcessIdentity.name)
        do {
            let outcome = try await SyncPass(assembly: assembly).run()
            if options.json { Output.json(outcome) } else { Output.line(outcome.text) }
            try await assembly.store.close()
            if outcome.deadJobs > 0 { throw ExitCode.failure }
        } catch {
            try? await assembly.store.close()
            throw error
        }
    }
}

/// One sync pass, shared by `pfbot sync`, `pfbot serve` and `pfbot action`.
struct SyncPass {
    let assembly: PipelineAssembly

    struct Outcome: Encodable {
        var newTasks: Int
        var changedTasks: Int
        var problems: [String]
        var reconciled: Int
        var jobsRun: Int
        var deadJobs: Int

        var text: String {
            var lines = ["✓ Task Node: \(newTasks) new, \(changedTasks) changed", "✓ GitHub: \(reconciled) tasks reconciled", "✓ jobs run: \(jobsRun)"]
            lines += problems.map { "✗ \($0)" }
            if deadJobs > 0 { lines.append("✗ \(deadJobs) jobs failed for good; see `pfbot doctor` and the audit log") }
            return lines.joined(separator: "\n")
        }
    }

    func run() async throws -> Outcome {
        let deadBefore = try await assembly.store.jobCounts()[.dead] ?? 0
        let polled = try await assembly.monitor.poll()
        let reconciled = try await Reconciler(context: assembly.context).reconcile()
        try await DeadlineWatcher(context: assembly.context).warn()
        let ran = try await assembly.runner.drain()
        let deadAfter = try await assembly.store.jobCounts()[.dead] ?? 0
        return Outcome(newTasks: polled.new.count, changedTasks: polled.changed.count, problems: polled.problems + reconciled.problems,
                       reconciled: reconciled.checked, jobsRun: ran, deadJobs: deadAfter - deadBefore)
    }
}

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
        let assembly = try await BotAssembly.build(configuration, logger: logger, workerName: ProcessIdentity.name)
        let outcome: SyncPass.Outcome
        do {
            outcome = try await assembly.syncPass.run()
            try await assembly.store.close()
        } catch {
            try? await assembly.store.close()
            throw error
        }
        try SyncReporting.report(outcome, json: options.json)
    }
}

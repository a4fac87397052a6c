import ArgumentParser
import Foundation
import PFBotCore
import PostFiat

/// `pfbot task request --kind personal --text …`.
struct TaskRequestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "request", abstract: "Ask the Task Node for a new task.")
    @OptionGroup var options: TaskNodeOptions
    @Option(help: "personal, network or alpha.") var kind: String = "personal"
    @Option(help: "What kind of task you want.") var text: String

    func run() async throws {
        let receipt = try await options.makeClient().requestTask(kind: TaskKind(label: kind), text: text)
        await CommandLineAudit.record(action: "task.request", subject: receipt.requestID, detail: text, event: receipt.requestID, options: options)
        if options.json {
            try Output.success(["request_id": receipt.requestID, "tx_hash": receipt.txHash])
        } else {
            Output.line("Requested task \(receipt.requestID); the offer appears in `pfbot tasks` within a few minutes.")
        }
    }
}

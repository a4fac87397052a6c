import ArgumentParser
import Foundation
import PFBotCore
import PostFiat

/// `pfbot task accept ID --reason …`.
struct TaskAcceptCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "accept", abstract: "Accept a proposed task.")
    @OptionGroup var options: TaskNodeOptions
    @Argument(help: "The task id.") var id: String
    @Option(help: "Why you accept (stored with the event).") var reason: String = "Accepted via pfbot."

    func run() async throws {
        let receipt = try await options.makeClient().accept(try TaskID(id), reason: reason)
        await CommandLineAudit.record(action: "task.accept", subject: receipt.taskID, detail: reason, event: receipt.eventID, options: options)
        try ReceiptPrinter.print(receipt, json: options.json)
    }
}

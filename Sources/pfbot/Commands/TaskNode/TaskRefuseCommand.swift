import ArgumentParser
import Foundation
import PFBotCore
import PostFiat

/// `pfbot task refuse ID --reason …`.
struct TaskRefuseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "refuse", abstract: "Refuse a proposed task.")
    @OptionGroup var options: TaskNodeOptions
    @Argument(help: "The task id.") var id: String
    @Option(help: "Why you refuse (stored with the event).") var reason: String

    func run() async throws {
        let receipt = try await options.makeClient().refuse(try TaskID(id), reason: reason)
        await CommandLineAudit.record(action: "task.refuse", subject: receipt.taskID, detail: reason, event: receipt.eventID, options: options)
        try ReceiptPrinter.print(receipt, json: options.json)
    }
}

import ArgumentParser
import Foundation
import PFBotCore
import PostFiat

/// `pfbot task cancel ID --reason …`.
struct TaskCancelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cancel", abstract: "Cancel a task you accepted.")
    @OptionGroup var options: TaskNodeOptions
    @Argument(help: "The task id.") var id: String
    @Option(help: "Why you cancel (stored with the event).") var reason: String

    func run() async throws {
        let receipt = try await options.makeClient().cancel(try TaskID(id), reason: reason)
        await CommandLineAudit.record(action: "task.cancel", subject: receipt.taskID, detail: reason, event: receipt.eventID, options: options)
        try ReceiptPrinter.print(receipt, json: options.json)
    }
}

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
        try ReceiptPrinter.print(try await options.makeClient().refuse(try TaskID(id), reason: reason), json: options.json)
    }
}

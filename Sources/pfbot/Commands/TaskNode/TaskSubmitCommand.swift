import ArgumentParser
import Foundation
import PFBotCore
import PostFiat

/// `pfbot task submit ID --evidence E [--evidence E]`.
struct TaskSubmitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit", abstract: "Hand in the evidence for an accepted task.",
        discussion: "E is a URL (url), a GitHub commit URL (github_commit), @path (file content) or text. At most two.")
    @OptionGroup var options: TaskNodeOptions
    @Argument(help: "The task id.") var id: String
    @Option(help: "Evidence; repeat for two items.") var evidence: [String]

    func run() async throws {
        let items = try EvidenceArguments.parse(evidence)
        let receipt = try await options.makeClient().submit(try TaskID(id), evidence: items)
        await CommandLineAudit.record(action: "submission.sent", subject: receipt.taskID, detail: nil, event: receipt.eventID, options: options)
        try ReceiptPrinter.print(receipt, json: options.json)
    }
}

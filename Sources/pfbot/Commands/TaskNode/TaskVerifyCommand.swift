import ArgumentParser
import Foundation
import PFBotCore
import PostFiat

/// `pfbot task verify ID --answer-file F`.
struct TaskVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "verify", abstract: "Answer the task's verification prompt with the text of a file.")
    @OptionGroup var options: TaskNodeOptions
    @Argument(help: "The task id.") var id: String
    @Option(name: .customLong("answer-file"), help: "A UTF-8 text file holding the answer.") var answerFile: String

    func run() async throws {
        guard let data = FileManager.default.contents(atPath: answerFile), let text = String(data: data, encoding: .utf8) else {
            throw TaskNodeError.invalidEvidence("cannot read \(answerFile) as UTF-8 text")
        }
        let receipt = try await options.makeClient().respondToVerification(try TaskID(id), evidence: [try Evidence(type: .text, value: text)])
        await CommandLineAudit.record(action: "verification.answered", subject: receipt.taskID, detail: text, event: receipt.eventID, options: options)
        try ReceiptPrinter.print(receipt, json: options.json)
    }
}

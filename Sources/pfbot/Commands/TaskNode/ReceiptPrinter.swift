import ArgumentParser
import Foundation
import PFBotCore
import PostFiat

/// Prints a write receipt, as a sentence or as the `--json` result
/// `{"task_id","transition","status","event_id","tx_hash","already_applied"}`.
enum ReceiptPrinter {
    static func print(_ receipt: WriteReceipt, json: Bool) throws {
        if json {
            try Output.success(Result(taskID: receipt.taskID, transition: receipt.transition, status: receipt.status, eventID: receipt.eventID,
                                      txHash: receipt.txHash, alreadyApplied: receipt.alreadyApplied))
            return
        }
        let note = receipt.alreadyApplied ? " (it already was; nothing new written)" : ""
        Output.line("Task \(receipt.taskID) is now \(receipt.status)\(note).\(receipt.eventID.map { " Event \($0)." } ?? "")")
    }

    private struct Result: Encodable {
        var taskID: String
        var transition: String
        var status: String
        var eventID: String?
        var txHash: String?
        var alreadyApplied: Bool

        enum CodingKeys: String, CodingKey {
            case taskID = "task_id", transition, status, eventID = "event_id", txHash = "tx_hash", alreadyApplied = "already_applied"
        }
    }
}

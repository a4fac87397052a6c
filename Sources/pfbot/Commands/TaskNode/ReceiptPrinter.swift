import ArgumentParser
import Foundation
import PFBotCore
import PostFiat

/// Prints a write receipt.
enum ReceiptPrinter {
    static func print(_ receipt: WriteReceipt) {
        let note = receipt.alreadyApplied ? " (it already was; nothing new written)" : ""
        Swift.print("Task \(receipt.taskID) is now \(receipt.status)\(note).\(receipt.eventID.map { " Event \($0)." } ?? "")")
    }
}

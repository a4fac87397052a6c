import Foundation
import JSON

/// One ledger memo of the legacy protocol with its three fields as UTF-8 text (postfiat.md §8).
public struct LegacyMemo: Sendable, Equatable {
    /// MemoType: the task id or a system type (`HANDSHAKE`, `INITIATION_RITE`, …).
    public var type: String
    /// MemoData: class prefix + text.
    public var data: String
    /// MemoFormat: the sender's username.
    public var format: String

    /// A memo from text fields.
    public init(type: String, data: String, format: String) {
        self.type = type
        self.data = data
        self.format = format
    }

    /// A task memo; the class prefix is added only if `text` lacks it (pftpyclient `construct_memo`).
    public init(taskID: String, memoClass: LegacyMemoClass, text: String, username: String) {
        self.init(type: taskID, data: text.contains(memoClass.prefix) ? text : memoClass.prefix + text, format: username)
    }

    /// Decodes a ledger `Memo` object whose fields are hex of UTF-8 (any case). Missing fields read as empty.
    /// - Throws: `XRPLError.invalidHex` naming the field when a value is not hex.
    public init(memoObject: JSONValue) throws {
        func field(_ name: String) throws -> String {
            guard let hex = memoObject[name]?.stringValue else { return "" }
            do { return String(decoding: try Hex.decode(hex), as: UTF8.self) } catch { throw XRPLError.invalidHex("\(name): \(error)") }
        }
        self.init(type: try field("MemoType"), data: try field("MemoData"), format: try field("MemoFormat"))
    }

    /// The `{"Memo": {...}}` wrapper with lowercase hex fields, as pftpyclient writes them.
    public var memoWrapper: JSONValue {
        .object(["Memo": .object([
            "MemoType": .string(Hex.encode(Array(type.utf8)).lowercased()),
            "MemoData": .string(Hex.encode(Array(data.utf8)).lowercased()),
            "MemoFormat": .string(Hex.encode(Array(format.utf8)).lowercased()),
        ])])
    }

    /// The first task id found in the memo's text, as `is_valid_id` searches the stringified memo.
    public var taskID: String? { LegacyTaskID.find(in: "{'MemoType': '\(type)', 'MemoData': '\(data)', 'MemoFormat': '\(format)'}") }

    /// The class of the MemoData.
    public var memoClass: LegacyMemoClass? { LegacyMemoClass.classify(data) }

    /// The reward amount of a proposal: the integer after the last `" .. "`.
    public var proposedReward: Int? {
        guard let range = data.range(of: " .. ", options: .backwards) else { return nil }
        return Int(String(data[range.upperBound...]).trimmingWhitespace())
    }
}

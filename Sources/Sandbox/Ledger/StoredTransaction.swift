import JSON
import XRPL

/// A transaction the emulator accepted (in the open ledger, or in a closed one).
struct StoredTransaction: Sendable {
    let hash: String
    let json: [String: JSONValue]
    var meta: [String: JSONValue]
    var ledgerIndex: UInt32?
    var transactionIndex: Int
    let accounts: Set<String>
}

import JSON

/// One transaction as `tx` or an `account_tx` entry (API v2) shows it.
public struct TransactionRecord: Sendable, Equatable {
    /// The transaction ID.
    public let hash: String
    /// The ledger holding it, once in a closed ledger.
    public let ledgerIndex: UInt32?
    /// Whether that ledger is validated (results are final only then).
    public let validated: Bool
    /// `meta.TransactionResult`.
    public let result: String?
    /// `tx_json`.
    public let txJSON: [String: JSONValue]
    /// `meta`.
    public let meta: [String: JSONValue]
    /// `close_time_iso`.
    public let closeTimeISO: String?

    init?(entry: [String: JSONValue]) {
        let tx = entry["tx_json"]?.objectValue ?? entry["tx"]?.objectValue ?? [:]
        guard let hash = entry["hash"]?.stringValue ?? tx["hash"]?.stringValue else { return nil }
        self.hash = hash
        txJSON = tx
        meta = entry["meta"]?.objectValue ?? [:]
        ledgerIndex = integer(entry["ledger_index"] ?? tx["ledger_index"]).flatMap { UInt32(exactly: $0) }
        validated = entry["validated"] == .bool(true)
        result = meta["TransactionResult"]?.stringValue
        closeTimeISO = entry["close_time_iso"]?.stringValue
    }
}

/// An `account_tx` entry.
public typealias AccountTxEntry = TransactionRecord

import JSON

/// One page of `account_tx`.
public struct AccountTxPage: Sendable, Equatable {
    /// Entries in server order.
    public let transactions: [AccountTxEntry]
    /// Opaque marker for the next page; `nil` on the last page.
    public let marker: JSONValue?

    init(result: [String: JSONValue]) {
        var entries = [TransactionRecord]()
        if case .array(let list)? = result["transactions"] {
            for item in list {
                if let object = item.objectValue, let record = TransactionRecord(entry: object) { entries.append(record) }
            }
        }
        transactions = entries
        marker = result["marker"]
    }
}

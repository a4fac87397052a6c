/// A memo as read from a ledger history: the transaction hash, the ledger close time and the first memo.
public struct LegacyMemoRecord: Sendable, Equatable {
    /// Transaction hash (dedupe key).
    public var hash: String
    /// Ledger `date` in Ripple-epoch seconds (+946684800 = Unix).
    public var date: Int64
    /// `Memos[0]` only; readers ignore the others.
    public var memo: LegacyMemo

    /// A record.
    public init(hash: String, date: Int64, memo: LegacyMemo) {
        self.hash = hash
        self.date = date
        self.memo = memo
    }
}

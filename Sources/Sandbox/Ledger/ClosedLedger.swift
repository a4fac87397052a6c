/// A closed ledger.
struct ClosedLedger: Sendable {
    let index: UInt32
    let hash: String
    let closeTime: Int64
    var transactionHashes: [String]
}

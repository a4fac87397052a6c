/// Knobs for autofill and for waiting on validation.
public struct SubmissionPolicy: Sendable {
    /// Highest Fee (drops) autofill will set; the server's open-ledger fee is clamped to it.
    public var feeCapDrops: UInt64
    /// LastLedgerSequence = current open ledger + this.
    public var ledgerOffset: UInt32
    /// Time between `tx` polls.
    public var pollInterval: Duration
    /// Give up waiting after this long (the transaction may still land; check its hash later).
    public var deadline: Duration

    /// Defaults: 2000-drop fee cap, 20 ledgers, 1 s polls, 120 s deadline.
    public init(feeCapDrops: UInt64 = 2000, ledgerOffset: UInt32 = 20, pollInterval: Duration = .seconds(1), deadline: Duration = .seconds(120)) {
        self.feeCapDrops = feeCapDrops
        self.ledgerOffset = ledgerOffset
        self.pollInterval = pollInterval
        self.deadline = deadline
    }
}

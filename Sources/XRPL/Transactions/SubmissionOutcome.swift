/// What became of a submitted transaction.
public enum SubmissionOutcome: Sendable, Equatable {
    /// In a validated ledger with this result (`tesSUCCESS` or a `tec…` code that still claimed the fee).
    case validated(hash: String, result: String, ledgerIndex: UInt32?)
    /// Rejected before reaching a ledger (`tem…`, `tef…`, `tel…`); safe to fix and re-sign.
    case rejected(hash: String, engineResult: String, message: String)
    /// Not found and LastLedgerSequence has passed a validated ledger: it can never land; safe to re-sign.
    case expired(hash: String, lastLedgerSequence: UInt32)
}

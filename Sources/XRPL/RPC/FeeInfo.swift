import JSON

/// The `fee` method's drop amounts.
public struct FeeInfo: Sendable, Equatable {
    /// `drops.base_fee`.
    public let baseFee: UInt64
    /// `drops.open_ledger_fee`.
    public let openLedgerFee: UInt64
    /// `drops.minimum_fee`.
    public let minimumFee: UInt64
    /// `ledger_current_index`.
    public let ledgerCurrentIndex: UInt32?

    init(result: [String: JSONValue]) throws {
        guard let drops = result["drops"]?.objectValue, let base = integer(drops["base_fee"]) else {
            throw XRPLError.rpc(method: "fee", reason: "drops.base_fee missing")
        }
        baseFee = base
        openLedgerFee = integer(drops["open_ledger_fee"]) ?? base
        minimumFee = integer(drops["minimum_fee"]) ?? base
        ledgerCurrentIndex = integer(result["ledger_current_index"]).flatMap { UInt32(exactly: $0) }
    }
}

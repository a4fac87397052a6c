import JSON

/// The parts of `account_info` the bot uses.
public struct AccountInfo: Sendable, Equatable {
    /// The classic address.
    public let account: String
    /// Balance in drops.
    public let balanceDrops: UInt64
    /// The next Sequence to use.
    public let sequence: UInt32
    /// Objects owned.
    public let ownerCount: UInt32

    init(result: [String: JSONValue]) throws {
        guard let data = result["account_data"]?.objectValue, let account = data["Account"]?.stringValue,
            let balance = integer(data["Balance"]), let sequence = integer(data["Sequence"]).flatMap({ UInt32(exactly: $0) })
        else { throw XRPLError.rpc(method: "account_info", reason: "account_data is incomplete") }
        self.account = account
        balanceDrops = balance
        self.sequence = sequence
        ownerCount = integer(data["OwnerCount"]).flatMap { UInt32(exactly: $0) } ?? 0
    }
}

import JSON

/// The parts of `server_info` the bot uses.
public struct ServerInfo: Sendable, Equatable {
    /// `network_id`, present on networks other than Mainnet.
    public let networkID: UInt32?
    /// `validated_ledger.seq`.
    public let validatedLedger: UInt32?
    /// `server_state`, e.g. `full`.
    public let serverState: String?
    /// The raw `info` object.
    public let info: [String: JSONValue]

    init(result: [String: JSONValue]) {
        let info = result["info"]?.objectValue ?? [:]
        self.info = info
        networkID = integer(info["network_id"]).flatMap { UInt32(exactly: $0) }
        validatedLedger = integer(info["validated_ledger"]?.objectValue?["seq"]).flatMap { UInt32(exactly: $0) }
        serverState = info["server_state"]?.stringValue
    }
}

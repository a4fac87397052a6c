import struct Foundation.URL

/// `ledger.*`
public struct LedgerSettings: Sendable, Equatable {
    /// JSON-RPC servers, tried in order.
    public var rpcURLs: [URL]
    /// Seconds after the Task Node reports a reward payment before pfbot says on the issue that the ledger has not
    /// confirmed it (it keeps checking afterwards).
    public var rewardConfirmationSeconds: Int

    /// The ledger settings.
    public init(rpcURLs: [URL], rewardConfirmationSeconds: Int = 3600) {
        self.rpcURLs = rpcURLs
        self.rewardConfirmationSeconds = rewardConfirmationSeconds
    }
}

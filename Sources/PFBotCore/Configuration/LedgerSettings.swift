import struct Foundation.URL

/// `ledger.*`
public struct LedgerSettings: Sendable, Equatable {
    /// JSON-RPC servers, tried in order.
    public var rpcURLs: [URL]
    /// The highest fee, in drops, pfbot will pay for one transaction.
    public var feeCapDrops: Int

    public init(rpcURLs: [URL], feeCapDrops: Int) {
        self.rpcURLs = rpcURLs
        self.feeCapDrops = feeCapDrops
    }
}

import XRPL

/// Where rewards are confirmed: the ledger's JSON-RPC servers (`ledger.rpc_urls`, tried in order), the wallet the
/// rewards are paid to, and how long a payment may stay unconfirmed before the issue says so.
public struct RewardLedger: Sendable {
    /// The ledger's JSON-RPC client.
    public var rpc: any LedgerRPC
    /// The contributor's address: a reward Payment must pay it.
    public var wallet: String
    /// Seconds after the Task Node reported a payment before the issue says the ledger has not confirmed it.
    public var confirmationSeconds: Int

    /// Creates the value from its parts.
    /// - Parameters:
    ///   - rpc: the ledger's JSON-RPC client.
    ///   - wallet: the address rewards are paid to.
    ///   - confirmationSeconds: the wait before an unconfirmed payment is reported on the issue.
    public init(rpc: any LedgerRPC, wallet: String, confirmationSeconds: Int) {
        self.rpc = rpc
        self.wallet = wallet
        self.confirmationSeconds = confirmationSeconds
    }
}

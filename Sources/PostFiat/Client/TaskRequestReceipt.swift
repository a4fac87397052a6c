import PFBotCore

/// What the Task Node confirmed for a task request.
public struct TaskRequestReceipt: Sendable, Equatable {
    /// `req_…`, reused on retry so no second offer is generated.
    public var requestID: String
    /// `offchain:<requestId>`.
    public var txHash: String?

    /// A receipt.
    public init(requestID: String, txHash: String?) {
        self.requestID = requestID
        self.txHash = txHash
    }
}

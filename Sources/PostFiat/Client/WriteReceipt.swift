import PFBotCore

/// What the Task Node confirmed for a write.
public struct WriteReceipt: Sendable, Equatable {
    /// The task.
    public var taskID: String
    /// The transition or submission mode.
    public var transition: String
    /// The `statusKey` the task now has.
    public var status: String
    /// The event id sent (reused across retries).
    public var eventID: String?
    /// `offchain:<eventId>` as the server reported it.
    public var txHash: String?
    /// Whether the task was already in the post-state (a repeated write; counted as success).
    public var alreadyApplied: Bool

    /// A receipt.
    public init(taskID: String, transition: String, status: String, eventID: String?, txHash: String?, alreadyApplied: Bool) {
        self.taskID = taskID
        self.transition = transition
        self.status = status
        self.eventID = eventID
        self.txHash = txHash
        self.alreadyApplied = alreadyApplied
    }
}

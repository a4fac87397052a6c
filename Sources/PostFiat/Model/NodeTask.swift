import PFBotCore

/// A task as the Task Node sent it: normalised into ``PFBotCore/Task`` plus the fields the domain type does
/// not hold, and the raw JSON for audit.
public struct NodeTask: Sendable, Hashable {
    /// The normalised task.
    public var task: PFBotCore.PostFiatTask
    /// The display label (`status`, e.g. "Proposed"); never used for decisions.
    public var statusLabel: String?
    /// The last event reference (`offchain:<eventId>` or the reward payment hash).
    public var txHash: String?
    /// `metadata` as sent (request id, event count, network ids…).
    public var metadata: LiteralJSON?
    /// The current verification prompt (detail only).
    public var verificationRequest: VerificationRequest?
    /// The reward decision and payment (detail only, once rewarded).
    public var rewardOutcome: RewardOutcome?
    /// The task object exactly as received.
    public var raw: LiteralJSON

    /// A task.
    public init(task: PFBotCore.PostFiatTask, statusLabel: String?, txHash: String?, metadata: LiteralJSON?,
                verificationRequest: VerificationRequest?, rewardOutcome: RewardOutcome?, raw: LiteralJSON) {
        self.task = task
        self.statusLabel = statusLabel
        self.txHash = txHash
        self.metadata = metadata
        self.verificationRequest = verificationRequest
        self.rewardOutcome = rewardOutcome
        self.raw = raw
    }
}

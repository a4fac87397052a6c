import PFBotCore

/// The reward decision and payment of `rewardOutcome` (protocol §3.3).
public struct RewardOutcome: Sendable, Hashable {
    /// `paid` or `zero_reward`.
    public var status: String
    /// `reward`, `partial_reward` or `reject`.
    public var decision: String
    /// The PFT paid (0 when rejected).
    public var reward: PFTAmount
    /// The PFT offered.
    public var offered: PFTAmount?
    /// The reviewer's reason.
    public var reason: String?
    /// Feedback for the contributor.
    public var userFeedback: String?
    /// The payment transaction hash, once paid.
    public var paymentTxHash: String?
    /// The object exactly as received.
    public var raw: LiteralJSON

    /// An outcome.
    public init(status: String, decision: String, reward: PFTAmount, offered: PFTAmount?, reason: String?,
                userFeedback: String?, paymentTxHash: String?, raw: LiteralJSON) {
        self.status = status
        self.decision = decision
        self.reward = reward
        self.offered = offered
        self.reason = reason
        self.userFeedback = userFeedback
        self.paymentTxHash = paymentTxHash
        self.raw = raw
    }
}

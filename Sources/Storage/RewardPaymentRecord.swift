import struct Foundation.Date
import PFBotCore

/// A reward payment the Task Node reported, and what the ledger says about it (`reward_payments`).
public struct RewardPaymentRecord: Sendable, Equatable {
    /// Where the check stands.
    public enum Status: String, Sendable, Codable {
        /// Not yet in a validated ledger (or not checked yet).
        case pending
        /// A validated, successful Payment to the wallet of exactly the reward.
        case confirmed
        /// Validated, but not what the Task Node reported (failed, another destination or amount).
        case mismatch
    }

    /// The task rewarded.
    public var task: TaskID
    /// The Payment's transaction hash, as the Task Node reported it.
    public var paymentHash: String
    /// The amount the Payment must deliver, in drops.
    public var expectedDrops: Int64
    /// The address the Payment must pay (pfbot's wallet).
    public var destination: String
    /// Where the check stands.
    public var status: Status
    /// The validated ledger holding the Payment, once seen there.
    public var ledgerIndex: Int64?
    /// Why a payment is a mismatch.
    public var detail: String?
    /// When pfbot learned of the payment (the unconfirmed warning counts from here).
    public var reportedAt: Date
    /// When the ledger was last asked.
    public var checkedAt: Date?

    /// A record.
    public init(task: TaskID, paymentHash: String, expectedDrops: Int64, destination: String, status: Status = .pending,
                ledgerIndex: Int64? = nil, detail: String? = nil, reportedAt: Date, checkedAt: Date? = nil) {
        self.task = task
        self.paymentHash = paymentHash
        self.expectedDrops = expectedDrops
        self.destination = destination
        self.status = status
        self.ledgerIndex = ledgerIndex
        self.detail = detail
        self.reportedAt = reportedAt
        self.checkedAt = checkedAt
    }
}

import struct Foundation.Date

/// The Task Node's own total of rewards on one UTC day (`tasknode_reward_days`), kept to reconcile with pfbot's.
public struct TaskNodeRewardDay: Sendable, Equatable {
    /// `yyyy-MM-dd`.
    public var day: String
    /// PFT rewarded that day, in drops.
    public var drops: Int64
    /// When the Task Node was asked.
    public var fetchedAt: Date

    /// A day's total.
    public init(day: String, drops: Int64, fetchedAt: Date) {
        self.day = day
        self.drops = drops
        self.fetchedAt = fetchedAt
    }
}

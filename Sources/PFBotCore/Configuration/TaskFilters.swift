import struct Foundation.URL

/// `filters.*`: which proposals pfbot takes on.
public struct TaskFilters: Sendable, Equatable {
    /// Kinds to take; empty means all.
    public var kinds: [TaskKind]
    /// Smallest reward worth taking.
    public var minimumReward: PFTAmount
    /// If not empty, a task must mention one of these words.
    public var includeKeywords: [String]
    /// A task mentioning any of these words is skipped.
    public var excludeKeywords: [String]
    /// Most tasks in flight (accepted, not yet submitted) at once.
    public var maxInFlight: Int

    public init(kinds: [TaskKind], minimumReward: PFTAmount, includeKeywords: [String], excludeKeywords: [String], maxInFlight: Int) {
        self.kinds = kinds
        self.minimumReward = minimumReward
        self.includeKeywords = includeKeywords
        self.excludeKeywords = excludeKeywords
        self.maxInFlight = maxInFlight
    }
}

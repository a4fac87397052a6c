import struct Foundation.URL

/// `auto_accept.*`
public struct AutoAcceptRules: Sendable, Equatable {
    /// Off unless set.
    public var enabled: Bool
    /// Kinds that may be accepted automatically; empty means all that pass the filters.
    public var kinds: [TaskKind]
    /// Smallest reward accepted automatically.
    public var minimumReward: PFTAmount
    /// Largest estimate accepted automatically.
    public var maximumEstimatedHours: Double

    public init(enabled: Bool, kinds: [TaskKind], minimumReward: PFTAmount, maximumEstimatedHours: Double) {
        self.enabled = enabled
        self.kinds = kinds
        self.minimumReward = minimumReward
        self.maximumEstimatedHours = maximumEstimatedHours
    }
}

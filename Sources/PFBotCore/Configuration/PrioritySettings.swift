import struct Foundation.URL

/// `priority.*`
public struct PrioritySettings: Sendable, Equatable {
    /// Hours before a deadline at which a warning is posted, largest first.
    public var deadlineWarningHours: [Int]
    /// Weight of ROI (PFT per hour) in the score.
    public var roiWeight: Double
    /// Weight of deadline urgency in the score.
    public var urgencyWeight: Double

    public init(deadlineWarningHours: [Int], roiWeight: Double, urgencyWeight: Double) {
        self.deadlineWarningHours = deadlineWarningHours
        self.roiWeight = roiWeight
        self.urgencyWeight = urgencyWeight
    }
}

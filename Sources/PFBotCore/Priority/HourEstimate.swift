/// Estimated hours of work for a task, with its reasons; also set by hand with `/pf estimate`.
public struct HourEstimate: Hashable, Sendable, Codable {
    /// The largest estimate accepted.
    public static let maximumHours = 1000.0

    /// Hours, positive and finite.
    public let hours: Double
    /// Why this many hours.
    public let reasons: [String]

    /// - Throws: ``DomainError/invalidEstimate(_:)`` unless `0 < hours ≤ 1000`.
    public init(hours: Double, reasons: [String]) throws {
        guard hours.isFinite, hours > 0, hours <= HourEstimate.maximumHours else {
            throw DomainError.invalidEstimate(String(hours))
        }
        self.hours = hours
        self.reasons = reasons
    }

    /// An estimate computed by pfbot itself: non-finite values become 1 hour, others are clamped to 0.25–1000.
    public init(clamping hours: Double, reasons: [String]) {
        self.hours = hours.isFinite ? min(max(hours, 0.25), HourEstimate.maximumHours) : 1
        self.reasons = reasons
    }

    /// Reward per hour: the ROI of the task.
    public func returnOnInvestment(for reward: PFTAmount) -> Double {
        Double(reward.drops) / Double(PFTAmount.dropsPerPFT) / hours
    }
}

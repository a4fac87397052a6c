/// Estimated hours of work for a task, with its reasons; also set by hand with `/pf estimate`.
public struct HourEstimate: Hashable, Sendable, Codable {
    /// The largest estimate accepted.
    public static let maximumHours = 1000.0
    /// The smallest estimate accepted by hand: 36 seconds (smaller ones make the reward per hour meaningless).
    public static let minimumHours = 0.01

    /// Hours, positive and finite.
    public let hours: Double
    /// Why this many hours.
    public let reasons: [String]

    /// - Throws: ``DomainError/invalidEstimate(_:)`` unless `0.01 ≤ hours ≤ 1000`.
    public init(hours: Double, reasons: [String]) throws {
        guard hours.isFinite, hours >= HourEstimate.minimumHours, hours <= HourEstimate.maximumHours else {
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

    /// Reward per hour: the ROI of the task; always finite (a stored estimate is never taken below 0.01 h).
    public func returnOnInvestment(for reward: PFTAmount) -> Double {
        let hours = self.hours.isFinite ? max(self.hours, HourEstimate.minimumHours) : 1
        return Double(reward.drops) / Double(PFTAmount.dropsPerPFT) / hours
    }
}

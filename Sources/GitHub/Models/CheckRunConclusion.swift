import Foundation

/// A check run conclusion as GitHub defines them.
public struct CheckRunConclusion: RawRepresentable, Codable, Sendable, Hashable {
    /// The wire value.
    public var rawValue: String
    /// Creates a conclusion from its wire value.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Everything passed.
    public static let success = CheckRunConclusion(rawValue: "success")
    /// Something failed.
    public static let failure = CheckRunConclusion(rawValue: "failure")
    /// Neither pass nor fail.
    public static let neutral = CheckRunConclusion(rawValue: "neutral")
    /// Cancelled before finishing.
    public static let cancelled = CheckRunConclusion(rawValue: "cancelled")
    /// Skipped.
    public static let skipped = CheckRunConclusion(rawValue: "skipped")
    /// Took too long.
    public static let timedOut = CheckRunConclusion(rawValue: "timed_out")
    /// Needs a person to act (set `details_url`).
    public static let actionRequired = CheckRunConclusion(rawValue: "action_required")
    /// Superseded; only GitHub sets this.
    public static let stale = CheckRunConclusion(rawValue: "stale")
    /// The conclusions a caller may send.
    public static let settable: [CheckRunConclusion] = [.success, .failure, .neutral, .cancelled, .skipped, .timedOut, .actionRequired]
}

/// A computed priority with the reasons that produced it, so every number can be explained on the issue.
public struct PriorityScore: Hashable, Sendable, Codable, Comparable {
    /// The total; higher runs first.
    public var value: Double
    /// Each contribution to ``value`` with a human sentence, in the order they were applied.
    public var reasons: [Reason]

    /// A score from its parts; ``value`` is their sum.
    public init(reasons: [Reason]) {
        self.reasons = reasons
        self.value = reasons.reduce(0) { $0 + $1.points }
    }

    public static func < (lhs: PriorityScore, rhs: PriorityScore) -> Bool { lhs.value < rhs.value }

    /// One contribution to a score.
    public struct Reason: Hashable, Sendable, Codable {
        /// Which factor (`roi`, `deadline`, `manual`, `dependency`, …).
        public var factor: String
        /// Points added (negative to lower).
        public var points: Double
        /// The explanation shown to people.
        public var explanation: String

        /// A contribution.
        public init(factor: String, points: Double, explanation: String) {
            self.factor = factor
            self.points = points
            self.explanation = explanation
        }
    }
}

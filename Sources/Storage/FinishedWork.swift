import Foundation

/// A task the contributor finished (submitted), as the estimator learns from it: its analysed category and
/// complexity, and when it was accepted and submitted.
public struct FinishedWork: Sendable, Equatable {
    /// The category of its stored analysis.
    public var category: String
    /// The complexity of its stored analysis (1–10).
    public var complexity: Int
    /// When it was accepted.
    public var acceptedAt: Date
    /// When its work was submitted.
    public var submittedAt: Date

    /// Creates a record.
    public init(category: String, complexity: Int, acceptedAt: Date, submittedAt: Date) {
        self.category = category
        self.complexity = complexity
        self.acceptedAt = acceptedAt
        self.submittedAt = submittedAt
    }
}

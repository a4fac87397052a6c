import Foundation

/// A head commit a task's pull request had, and when GitHub reported it.
public struct TaskHead: Sendable, Equatable {
    /// The commit.
    public var sha: String
    /// GitHub's time of the event that showed it (the pull request's `updated_at`).
    public var seenAt: Date

    /// Creates a head.
    public init(sha: String, seenAt: Date) {
        self.sha = sha
        self.seenAt = seenAt
    }

    /// The head the pull request had at `time` among `heads` (in the order reported): the last reported one whose
    /// time is at or before it.
    public static func head(at time: Date, in heads: [TaskHead]) -> TaskHead? {
        heads.last { $0.seenAt <= time }
    }
}

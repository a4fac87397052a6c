import Foundation
import PFBotCore

/// The payload of a submission job: what to submit and the pull request head the gates check.
public struct SubmissionJob: Codable, Sendable, Equatable {
    /// The task to submit.
    public var task: TaskID
    /// The commit submitted (the merge commit, or the head for `/pf submit`); the idempotency key's second part.
    public var commit: String
    /// The pull request head QC and reviews are checked against.
    public var head: String
    /// The task's pull request.
    public var pull: Int

    /// Creates the payload.
    public init(task: TaskID, commit: String, head: String, pull: Int) {
        self.task = task
        self.commit = commit
        self.head = head
        self.pull = pull
    }
}

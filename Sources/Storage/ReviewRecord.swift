import struct Foundation.Date
import PFBotCore

/// A pull request review of a task's work, as GitHub reported it.
public struct ReviewRecord: Sendable, Equatable {
    /// What the review said.
    public enum State: String, Sendable, Equatable {
        case approved
        case changesRequested = "changes_requested"
        case dismissed
    }

    public var task: TaskID
    /// The reviewer's login.
    public var reviewer: String
    /// `OWNER`, `MEMBER`, `COLLABORATOR` … as GitHub reports it; `nil` when not known (rows migrated from before 004).
    public var authorAssociation: String?
    public var state: State
    /// The head commit reviewed; `nil` for a dismissal.
    public var commit: String?
    public var at: Date

    public init(task: TaskID, reviewer: String, authorAssociation: String?, state: State, commit: String?, at: Date) {
        self.task = task
        self.reviewer = reviewer
        self.authorAssociation = authorAssociation
        self.state = state
        self.commit = commit
        self.at = at
    }
}

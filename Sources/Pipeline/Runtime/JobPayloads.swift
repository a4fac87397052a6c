import Foundation
import PFBotCore

/// The payload of the jobs that react to a state the Monitor observed (announce, relay the verification
/// question, record the reward, close, update the issue): one job per task and observed state.
public struct ObservedTaskJob: Codable, Sendable, Equatable {
    public var task: TaskID
    /// The state the Task Node reported when the job was queued.
    public var observed: TaskState

    public init(task: TaskID, observed: TaskState) {
        self.task = task
        self.observed = observed
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        task = try container.decode(TaskID.self, forKey: .task)
        // Jobs queued by pfbot before typed jobs carry only the task.
        observed = try container.decodeIfPresent(TaskState.self, forKey: .observed) ?? .proposed
    }
}

/// The payload of an accept job.
public struct AcceptJob: Codable, Sendable, Equatable {
    public var task: TaskID
    /// The reason sent to the Task Node.
    public var reason: String

    public init(task: TaskID, reason: String) {
        self.task = task
        self.reason = reason
    }
}

/// The payload of a start-work job, with what asked for it (which decides its de-duplication).
public struct StartWorkJob: Codable, Sendable, Equatable {
    /// What asked for the work to start.
    public enum Occasion: Codable, Sendable, Equatable {
        /// The Monitor saw the task accepted on the Task Node.
        case observed(TaskState)
        /// pfbot accepted it (auto-accept or `/pf accept`).
        case accepted
        /// `/pf start` at this time: runs again even when the work was started before.
        case requested(at: Date)
    }

    public var task: TaskID
    public var occasion: Occasion

    public init(task: TaskID, occasion: Occasion) {
        self.task = task
        self.occasion = occasion
    }
}

/// The payload of a QC job: the head to judge.
public struct QualityControlJob: Codable, Sendable, Equatable {
    public var task: TaskID
    /// The pull request head (or pushed commit) to judge.
    public var head: String
    /// `/pf qc`: judge the head again even when a verdict for it is recorded.
    public var requested: Bool

    public init(task: TaskID, head: String, requested: Bool = false) {
        self.task = task
        self.head = head
        self.requested = requested
    }
}

/// The payload of a submission job: what to submit and the pull request head the gates check.
public struct SubmissionJob: Codable, Sendable, Equatable {
    public var task: TaskID
    /// The commit submitted (the merge commit, or the head for `/pf submit`); the idempotency key's second part.
    public var commit: String
    /// The pull request head QC and reviews are checked against.
    public var head: String
    public var pull: Int

    public init(task: TaskID, commit: String, head: String, pull: Int) {
        self.task = task
        self.commit = commit
        self.head = head
        self.pull = pull
    }
}

import Foundation
import PFBotCore
import Storage

/// The job kinds the pipeline queues, and their payloads.
public enum PipelineJob {
    /// A new proposal: open its issue, notify, maybe auto-accept.
    public static let announce = "pipeline.announce"
    /// Accept a proposal on the Task Node (auto-accept or `/pf accept`).
    public static let accept = "pipeline.accept"
    /// Create the branch, templates and draft PR of an accepted task.
    public static let startWork = "pipeline.start-work"
    /// Post the verification question.
    public static let relayVerification = "pipeline.relay-verification"
    /// Record the reward and close the issue.
    public static let recordReward = "pipeline.record-reward"
    /// Close the issue of a task that ended without reward.
    public static let close = "pipeline.close"
    /// Bring the issue body and labels in line with the task's state.
    public static let updateIssue = "pipeline.update-issue"
    /// Run quality control on a task branch's head.
    public static let qualityControl = "pipeline.qc"
    /// Submit a task's work to the Task Node (after a merge or `/pf submit`).
    public static let submit = "pipeline.submit"

    /// The note of a job a person asked for (`/pf qc`), which runs even when an automatic run already did.
    public static let manualRun = "manual"

    /// The payload of a task job.
    public struct TaskPayload: Codable, Sendable, Equatable {
        public var task: String
        /// Extra text (a reason, an answer), when the job carries one.
        public var note: String?
        /// The commit the job is about (a merge commit for submissions).
        public var commit: String?
        /// The pull request head the job is bound to (QC and approval are checked against it).
        public var head: String?
        /// The pull request, when known.
        public var pull: Int?

        public init(task: TaskID, note: String? = nil, commit: String? = nil, head: String? = nil, pull: Int? = nil) {
            self.task = task.rawValue
            self.note = note
            self.commit = commit
            self.head = head
            self.pull = pull
        }

        /// The payload as job text.
        public func encoded() -> String {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            return String(decoding: (try? encoder.encode(self)) ?? Data("{}".utf8), as: UTF8.self)
        }

        /// Reads a job's payload.
        /// - Throws: ``MalformedJob`` (permanent) when it is not a task payload.
        public static func decode(_ job: Job) throws -> (TaskPayload, TaskID) {
            guard let payload = try? JSONDecoder().decode(TaskPayload.self, from: Data(job.payload.utf8)), let id = try? TaskID(payload.task) else {
                throw MalformedJob(job: job.id, kind: job.kind)
            }
            return (payload, id)
        }
    }

    /// A job for `reaction`, de-duplicated per task and observed state.
    static func job(for reaction: PipelineReaction, task: Task, now: Date) -> NewJob? {
        let kind: String
        switch reaction {
        case .announceProposal: kind = announce
        case .startWork: kind = startWork
        case .relayVerification: kind = relayVerification
        case .recordReward: kind = recordReward
        case .close: kind = close
        case .updateIssue: kind = updateIssue
        case .skip: return nil
        }
        return NewJob(kind: kind, payload: TaskPayload(task: task.id).encoded(), dedupeKey: "\(kind):\(task.id.rawValue):\(task.state.rawValue)", runAt: now)
    }
}

/// A job whose payload cannot be read; retrying will not help.
public struct MalformedJob: PermanentJobFailure, CustomStringConvertible {
    public var job: Int64
    public var kind: String
    public var description: String { "job \(job) (\(kind)) has a malformed payload; it was written by another pfbot version or by hand" }
}

import Foundation
import Git
import PFBotCore
import Storage

/// `pfbot submit --branch B`: a task branch's head submitted as `/pf submit` would, or with `dryRun` only shown.
public struct BranchSubmission: Sendable {
    let context: PipelineContext

    /// Creates the submission of a branch over the pipeline's context.
    public init(context: PipelineContext) {
        self.context = context
    }

    /// What submitting the branch's head sends: the task, the head and the evidence (the items the QC check shows
    /// under "What will be submitted").
    public struct Plan: Sendable, Encodable {
        /// The task id.
        public var task: String
        /// The head commit that would be submitted.
        public var head: String
        /// The task's pull request.
        public var pull: Int
        /// The evidence items as the reviewer of the pull request sees them.
        public var preview: String
    }

    /// The plan for the branch's head. Nothing is written.
    /// - Throws: ``BranchSubmissionError`` when no task uses the branch or it has no pull request yet.
    public func plan(branch: String) async throws -> Plan {
        let (record, pull, head, handle) = try await locate(branch)
        let evidence = try await SubmissionEvidence.read(record, pull: pull, commit: head, merged: false, handle: handle, context: context)
        return Plan(task: record.task.id.rawValue, head: head, pull: pull, preview: evidence.preview)
    }

    /// Queues the submission of the branch's head (the gates of the submit job apply: QC passed on it, no changes
    /// requested, an approval when required); the caller runs the due jobs.
    public func enqueue(branch: String) async throws -> Plan {
        let plan = try await plan(branch: branch)
        let id = try TaskID(plan.task)
        try await context.jobs.enqueue(.submit(SubmissionJob(task: id, commit: plan.head, head: plan.head, pull: plan.pull)))
        return plan
    }

    private func locate(_ branch: String) async throws -> (TaskRecord, Int, String, MirrorHandle) {
        guard let record = try await context.store.task(repository: context.repository.description, branch: branch) else {
            throw BranchSubmissionError.noTask(branch)
        }
        guard let pull = record.pullNumber else { throw BranchSubmissionError.noPullRequest(branch) }
        let handle = try await context.git.freshMirror()
        return (record, pull, try await context.git.workspace.resolve(in: handle, ref: branch), handle)
    }
}

/// Why a branch cannot be submitted.
public enum BranchSubmissionError: Error, CustomStringConvertible {
    /// No task uses the branch.
    case noTask(String)
    /// The task has no pull request yet.
    case noPullRequest(String)

    /// What went wrong and what to do.
    public var description: String {
        switch self {
        case .noTask(let branch): return "no task uses branch \(branch); run `pfbot sync` first, or check the name with `pfbot tasks`"
        case .noPullRequest(let branch): return "the task of \(branch) has no pull request yet; run `/pf start` on its issue or `pfbot sync`"
        }
    }
}

import Foundation
import GitHub
import PFBotCore
import Storage

/// `pipeline.accept`: accepts a proposal on the Task Node (auto-accept or `/pf accept`), records it and queues
/// the work scaffolding.
struct AcceptHandler: PipelineJobHandler {
    let kinds: Set<JobKind> = [.accept]
    let context: PipelineContext

    func handle(_ job: PipelineJob) async throws {
        guard case .accept(let accept) = job else { throw MisroutedJob(kind: job.kind, handler: "AcceptHandler") }
        try await TaskActions(context: context).accept(accept.task, reason: accept.reason, actor: "pfbot", cause: "auto-accept")
    }
}

/// The Task Node writes behind commands and jobs, each followed by the store update and the follow-up job.
struct TaskActions {
    let context: PipelineContext

    /// Accepts (idempotent: an already accepted task is left alone) and queues the work. The audit entry carries
    /// `cause` and the Task Node's event id.
    func accept(_ id: TaskID, reason: String, actor: String, cause: String) async throws {
        let record = try await context.record(id)
        if record.task.state == .proposed {
            let receipt = try await finalOrRetry { try await context.taskSink.accept(id, reason: reason) }
            _ = try await context.store.transition(id, to: .accepted, source: actor, note: reason, at: context.now())
            try await context.audit(actor, "task.accept", id.rawValue, reason, cause: cause, event: receipt.eventID)
        }
        try await context.jobs.enqueue(.startWork(StartWorkJob(task: id, occasion: .accepted)))
    }

    /// Refuses a proposal, or cancels accepted work, and closes the issue. It posts no comment of its own: the
    /// command's reply says it, under the command that gave the reason (an end the Task Node reports by itself gets
    /// its `closed` comment from the Monitor's close job).
    /// - Parameter seen: the task's issue as a webhook just showed it: written from it without reading it again.
    func end(_ id: TaskID, refuse: Bool, reason: String, actor: String, cause: String, seen: GitHubIssue? = nil) async throws {
        let record = try await context.record(id)
        let target: TaskState = refuse ? .refused : .cancelled
        if record.task.state != target {
            let receipt = try await finalOrRetry {
                refuse ? try await context.taskSink.refuse(id, reason: reason) : try await context.taskSink.cancel(id, reason: reason)
            }
            _ = try await context.store.transition(id, to: target, source: actor, note: reason, at: context.now())
            try await context.audit(actor, refuse ? "task.refuse" : "task.cancel", id.rawValue, reason, cause: cause, event: receipt.eventID)
        }
        let updated = try await context.record(id)
        try await IssueMirror(context: context).sync(updated, listed: seen)
    }
}

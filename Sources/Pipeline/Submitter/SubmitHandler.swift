import Foundation
import GitHub
import PFBotCore
import PostFiat
import Storage

/// `pipeline.submit`: sends a task's work to the Task Node exactly once, after a merge or `/pf submit`.
///
/// Gates, all bound to the pull request's head commit: QC passed on it; no changes requested on it; an approval
/// of it when `require_approval` is set. The write goes through the outbox under `submit:<task>:<commit>`: a
/// redelivered merge, a retried job or a restart after a crash finds the entry and does not submit again (and the
/// Task Node client resends the same event id, which the Task Node de-duplicates).
struct SubmitHandler: PipelineJobHandler {
    let kinds: Set<JobKind> = [.submit]
    let context: PipelineContext

    func handle(_ job: PipelineJob) async throws {
        guard case .submit(let request) = job else { throw MisroutedJob(kind: job.kind, handler: "SubmitHandler") }
        let (id, commit, head, pullNumber) = (request.task, request.commit, request.head, request.pull)
        let mirror = IssueMirror(context: context)
        var record = try await mirror.ensureIssue(try await context.record(id))
        let key = "submit:\(id.rawValue):\(commit)"
        let existing = try await context.store.outboxEntry(key: key)
        if existing?.state != .sent {
            guard record.task.state.isInFlight else { return }
            if let blocked = try await gate(record, head: head, pull: pullNumber) {
                try await mirror.postOnce(record, event: "submission-blocked:\(head)", body: IssueComments.marker("submission-blocked:\(head)") + "\n" + blocked)
                return
            }
            if commit != head, TaskTransitions.isAllowed(from: record.task.state, to: .merged) {
                record = try await context.store.transition(id, to: .merged, source: "github", note: "merge \(commit)", at: context.now())
            }
            let handle = try await context.git.freshMirror()
            let evidence = try await SubmissionEvidence.read(record, pull: pullNumber, commit: commit, merged: true, handle: handle, context: context).items()
            let summary = SubmissionEvidence.summaryLines(evidence).joined(separator: "\n")
            let entry = try await context.store.reserveOutbox(NewOutboxEntry(key: key, kind: "submission", payload: summary),
                                                              now: context.now())
            if entry.state != .sent {
                let receipt: WriteReceipt
                do {
                    receipt = try await finalOrRetry { try await context.taskSink.submit(id, evidence: evidence) }
                    try await context.store.markOutboxSent(key: key, result: "\(receipt.status) \(receipt.eventID ?? "")", now: context.now())
                } catch {
                    try await context.store.markOutboxFailed(key: key, error: String(describing: error), now: context.now())
                    throw error
                }
                try await context.audit("pfbot", "submission.sent", id.rawValue, commit, cause: "merge \(commit)", event: receipt.eventID)
            }
        }
        try await context.store.recordMergeCommit(id, commit: commit)
        record = try await context.record(id)
        if record.task.state.isInFlight {
            record = try await context.store.transition(id, to: .submitted, source: "pfbot", note: "commit \(commit)", at: context.now())
            await context.calibration.invalidate()
        }
        let sent = try await context.store.outboxEntry(key: key)
        let items = sent?.payload.split(separator: "\n").map(String.init) ?? []
        try await mirror.postOnce(record, event: "submission:\(commit)", body: IssueComments.submitted(mergeSHA: commit, evidence: items))
        try await mirror.sync(record)
    }

    /// Why the head cannot be submitted, or `nil` when it can. Both verdicts are read from their source of truth
    /// when the store lacks them (an Actions run starts from an empty store): QC is evaluated on the head from git,
    /// the reviews are read from GitHub.
    private func gate(_ record: TaskRecord, head: String, pull: Int) async throws -> String? {
        if try await qualityControlConclusion(record, head: head) != "success" {
            return "Not submitted: QC failed on `\(head.prefix(12))`. Fix the problems in the check run, push, and merge again (or `/pf submit`)."
        }
        let verdict = ReviewLedger.verdict(of: try await context.github.listReviews(context.repository, pull: pull), head: head)
        if case .changesRequested(let sha, let by) = verdict, sha == head {
            return "Not submitted: @\(by) requested changes on `\(head.prefix(12))`."
        }
        if try await context.repositorySettings().requireApproval {
            guard case .approved(let sha, _) = verdict, sha == head else {
                return "Not submitted: this repository requires an approving review of `\(head.prefix(12))` (require_approval)."
            }
        }
        return nil
    }

    /// The QC verdict recorded for `head`, or, when none is (its job has not run here), the verdict of evaluating
    /// the head now. That evaluation is not recorded: the QC job still runs, publishes the check run, audits the
    /// run and moves the task, as it does for every head.
    private func qualityControlConclusion(_ record: TaskRecord, head: String) async throws -> String {
        if let recorded = try await context.store.qualityVerdict(task: record.task.id, head: head) { return recorded.conclusion }
        return try await QualityControlRun(context: context).evaluate(record, head: head).conclusion
    }
}

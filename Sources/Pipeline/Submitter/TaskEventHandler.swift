import Foundation
import PFBotCore
import PostFiat
import Storage

/// The reactions to Task Node changes the Monitor saw: relay the verification question, record the reward,
/// close ended tasks, and keep the issue in line with the state.
struct TaskEventHandler: PipelineJobHandler {
    let kinds: Set<JobKind> = [.relayVerification, .recordReward, .close, .updateIssue]
    let context: PipelineContext

    func handle(_ job: PipelineJob) async throws {
        guard let id = job.task, kinds.contains(job.kind) else { throw MisroutedJob(kind: job.kind, handler: "TaskEventHandler") }
        let mirror = IssueMirror(context: context)
        let record = try await mirror.ensureIssue(try await context.record(id))
        switch job {
        case .relayVerification: try await relayVerification(record, mirror: mirror)
        case .recordReward: try await recordReward(record, mirror: mirror)
        case .close: try await close(record, mirror: mirror)
        default: try await updateIssue(record, mirror: mirror)
        }
    }

    private func relayVerification(_ record: TaskRecord, mirror: IssueMirror) async throws {
        let detail = try await finalOrRetry { try await context.taskSource.taskDetail(record.task.id) }
        guard let request = detail.task.verificationRequest else {
            context.logger.warning("task \(record.task.id) asks for verification but the Task Node shows no question yet; retrying")
            throw VerificationNotReady(id: record.task.id)
        }
        let event = request.eventID ?? Self.askDigest(request.ask)
        try await mirror.postOnce(record, event: "verification:\(event)",
                                  body: IssueComments.verificationPrompt(ask: request.ask, eventID: event, assignees: try await context.assignees()))
        try await mirror.sync(record)
        try await context.audit("tasknode", "verification.requested", record.task.id.rawValue, request.ask)
    }

    private func recordReward(_ record: TaskRecord, mirror: IssueMirror) async throws {
        let detail = try await finalOrRetry { try await context.taskSource.taskDetail(record.task.id) }
        let outcome = detail.task.rewardOutcome
        let amount = outcome?.reward ?? record.task.reward
        let decision = outcome?.decision ?? (amount == .zero ? "reject" : "reward")
        // The payment is checked first: found validated at once, the reward comment says so (one comment, not two).
        try await RewardConfirmations(context: context).track(record, outcome: outcome, announce: false)
        let payment = try await context.store.rewardPayment(task: record.task.id)
        try await mirror.postOnce(record, event: "reward", body: IssueComments.rewarded(
            amount: amount, decision: decision, reason: outcome?.userFeedback ?? outcome?.reason, paymentHash: outcome?.paymentTxHash,
            confirmedInLedger: payment?.status == .confirmed ? payment?.ledgerIndex : nil))
        try await context.audit("tasknode", "reward.recorded", record.task.id.rawValue, "\(amount) (\(decision))", event: outcome?.paymentTxHash)
        try await mirror.sync(try await context.record(record.task.id))
        await RewardHistorySync(context: context).refresh()
    }

    /// Names a question without an event id by its text, the same in every process (`hashValue` is seeded per process).
    static func askDigest(_ ask: String) -> String {
        "ask-" + CanonicalJSON.sha256Hex(ask).prefix(24)
    }

    /// Keeps the issue in line; a task the Task Node reports as `unknown` (protocol §12) is said so once per entry.
    private func updateIssue(_ record: TaskRecord, mirror: IssueMirror) async throws {
        if record.task.state == .unknown {
            let label = record.rawJSON.flatMap { try? LiteralJSON.parse(Data($0.utf8)) }?["status"]?.stringValue
            let entered = Int64((record.task.updatedAt.timeIntervalSince1970 * 1000).rounded())
            try await mirror.postOnce(record, event: "unknown:\(entered)", body: IssueComments.unknownState(label: label, event: "unknown:\(entered)"))
            try await context.audit("tasknode", "task.unknown-state", record.task.id.rawValue, label)
        }
        try await mirror.sync(record)
    }

    private func close(_ record: TaskRecord, mirror: IssueMirror) async throws {
        try await mirror.postOnce(record, event: "closed:\(record.task.state.rawValue)", body: IssueComments.closed(record.task.state, reason: nil))
        try await mirror.sync(record)
    }
}

/// The Task Node changed state but its detail does not show the question yet (projection lag): retried.
struct VerificationNotReady: Error, CustomStringConvertible {
    var id: TaskID
    var description: String { "the verification question of \(id) is not visible yet" }
}

import Foundation
import GitHub
import PFBotCore
import Storage

/// Processes a stored webhook delivery (job kind `webhook`): commands in comments, pushes and pull requests of
/// task branches, reviews. Marks the delivery processed only after success, so a failed one runs again.
struct WebhookHandler: JobHandler {
    let kinds: Set<String> = [Delivery.jobKind]
    let context: PipelineContext

    func handle(_ job: Job) async throws {
        guard let delivery = try await context.store.delivery(job.payload) else {
            throw MalformedJob(job: job.id, kind: job.kind)
        }
        let event: WebhookEvent
        do {
            event = try WebhookEvent.parse(name: delivery.event, body: Data(delivery.body))
        } catch {
            try await context.audit("github", "webhook.malformed", delivery.id, String(describing: error))
            throw MalformedDelivery(id: delivery.id, reason: String(describing: error))
        }
        try await route(event)
        try await context.store.markDeliveryProcessed(delivery.id, at: context.now())
    }

    func route(_ event: WebhookEvent) async throws {
        switch event {
        case .issueComment(let comment) where comment.action == "created":
            try await CommandDispatcher(context: context).handle(comment)
        case .pullRequest(let pull):
            try await pullRequestChanged(pull)
        case .push(let push):
            try await pushed(push)
        case .pullRequestReview(let review):
            try await reviewed(review)
        default:
            return
        }
    }

    private func pullRequestChanged(_ event: PullRequestEvent) async throws {
        guard let record = try await context.record(forBranch: event.pullRequest.head.ref) else { return }
        let pull = event.pullRequest
        switch event.action {
        case "closed" where pull.merged == true:
            guard let merge = pull.mergeCommitSha else { return }
            try await enqueue(PipelineJob.submit, record, commit: merge, head: pull.head.sha, pull: pull.number, key: merge)
        case "opened", "synchronize", "reopened", "ready_for_review":
            try await enqueue(PipelineJob.qualityControl, record, commit: pull.head.sha, head: pull.head.sha, pull: pull.number, key: pull.head.sha)
        default:
            return
        }
    }

    private func pushed(_ event: PushEvent) async throws {
        let prefix = "refs/heads/"
        guard event.ref.hasPrefix(prefix), event.deleted != true else { return }
        let branch = String(event.ref.dropFirst(prefix.count))
        guard branch.hasPrefix(context.configuration.git.branchPrefix), let record = try await context.record(forBranch: branch) else { return }
        try await enqueue(PipelineJob.qualityControl, record, commit: event.after, head: event.after, pull: record.pullNumber, key: event.after)
    }

    private func reviewed(_ event: PullRequestReviewEvent) async throws {
        guard let record = try await context.record(forBranch: event.pullRequest.head.ref) else { return }
        let reviews = ReviewLedger(store: context.store, now: context.now)
        let sha = event.review.commitId ?? event.pullRequest.head.sha
        let mirror = IssueMirror(context: context)
        switch (event.action, event.review.state.lowercased()) {
        case ("submitted", "approved"):
            try await reviews.approve(record.task.id, sha: sha, by: event.review.user?.login ?? event.sender.login)
            try await mirror.sync(record, flags: [])
        case ("submitted", "changes_requested"):
            try await reviews.requestChanges(record.task.id, sha: sha, by: event.review.user?.login ?? event.sender.login)
            try await mirror.sync(record, flags: [TaskLabels.changesRequested])
        case ("dismissed", _):
            try await reviews.dismiss(record.task.id)
            try await mirror.sync(record, flags: [])
        default:
            return
        }
    }

    private func enqueue(_ kind: String, _ record: TaskRecord, commit: String, head: String, pull: Int?, key: String) async throws {
        let payload = PipelineJob.TaskPayload(task: record.task.id, commit: commit, head: head, pull: pull)
        _ = try await context.store.enqueue(NewJob(kind: kind, payload: payload.encoded(), dedupeKey: "\(kind):\(record.task.id.rawValue):\(key)", runAt: context.now()))
    }
}

/// A stored delivery whose payload does not parse; retrying will not help (it is kept for people to look at).
struct MalformedDelivery: PermanentJobFailure, CustomStringConvertible {
    var id: String
    var reason: String
    var description: String { "webhook delivery \(id) cannot be parsed: \(reason)" }
}

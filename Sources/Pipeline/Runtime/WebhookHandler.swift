import Foundation
import GitHub
import PFBotCore
import Storage

/// Processes a stored webhook delivery (job kind `webhook`): commands in comments, pushes and pull requests of
/// task branches, reviews, Re-run on the QC check (`check_run` and `check_suite` `rerequested`). Marks the delivery
/// processed only after success, so a failed one runs again.
struct WebhookHandler: PipelineJobHandler {
    let kinds: Set<JobKind> = [.webhook]
    let context: PipelineContext

    func handle(_ job: PipelineJob) async throws {
        guard case .webhook(let deliveryID) = job else { throw MisroutedJob(kind: job.kind, handler: "WebhookHandler") }
        guard let delivery = try await context.store.delivery(deliveryID) else { throw MissingDelivery(id: deliveryID) }
        let event: WebhookEvent
        do {
            event = try WebhookEvent.parse(name: delivery.event, body: Data(delivery.body))
        } catch {
            try await context.audit("github", "webhook.malformed", delivery.id, String(describing: error))
            throw MalformedDelivery(id: delivery.id, reason: String(describing: error))
        }
        if let other = event.repository?.fullName, other.lowercased() != context.repository.description.lowercased() {
            // Kept (the delivery is stored) and ignored: an App installed on several repositories, or a misrouted hook.
            try await context.audit("github", "webhook.other-repository", delivery.id, "\(delivery.event) for \(other); this bot serves \(context.repository)")
        } else {
            try await route(event)
        }
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
            try await ReviewHandler(context: context).handle(review)
        case .checkRun(let event) where event.action == "rerequested":
            try await CheckRerequestHandler(context: context).handle(event)
        case .checkSuite(let event) where event.action == "rerequested":
            try await CheckRerequestHandler(context: context).handle(event)
        default:
            return
        }
    }

    private func pullRequestChanged(_ event: PullRequestEvent) async throws {
        guard let record = try await context.record(forPull: event.pullRequest) else { return }
        let pull = event.pullRequest
        switch event.action {
        case "closed" where pull.merged == true:
            guard let merge = pull.mergeCommitSha else { return }
            try await context.jobs.enqueue(.submit(SubmissionJob(task: record.task.id, commit: merge, head: pull.head.sha, pull: pull.number)))
        case "opened", "synchronize", "reopened", "ready_for_review":
            // The head and GitHub's time of it: a command written before this time was written about an older head.
            try await context.store.recordHead(task: record.task.id, sha: pull.head.sha, at: pull.updatedAt ?? context.now())
            try await context.jobs.enqueue(.qualityControl(QualityControlJob(task: record.task.id, head: pull.head.sha)))
        default:
            return
        }
    }

    private func pushed(_ event: PushEvent) async throws {
        let prefix = "refs/heads/"
        guard event.ref.hasPrefix(prefix), event.deleted != true else { return }
        if let defaultBranch = event.repository.defaultBranch, event.repository.fullName.lowercased() == context.repository.description.lowercased() {
            await context.defaultBranches.note(defaultBranch, for: context.repository)
        }
        let branch = String(event.ref.dropFirst(prefix.count))
        if RepositoryConfigCheck.touchesConfig(event) {
            if branch == (try await context.defaultBranch()) { try await context.repositorySettingsSource.refresh(context) }
            try await RepositoryConfigCheck(context: context).check(commit: event.after)
        }
        let packs = TemplatePackCheck.touchesPacks(event)
        if packs != false { try await TemplatePackCheck(context: context).check(commit: event.after, certain: packs == true) }
        guard branch.hasPrefix(context.configuration.git.branchPrefix), let record = try await context.record(forBranch: branch) else { return }
        try await context.jobs.enqueue(.qualityControl(QualityControlJob(task: record.task.id, head: event.after)))
        // Steps run only where pfbot can run code (`pfbot action`); a commit of step outputs does not run them again.
        if context.stepHost != nil, event.headCommit?.message.contains(StepsReport.trailerKey + ":") != true {
            try await context.jobs.enqueue(.runSteps(StepsJob(task: record.task.id, head: event.after)))
        }
    }
}

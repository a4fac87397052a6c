import Foundation
import GitHub
import PFBotCore

/// Reacts to a review of a task's pull request by an owner, member or collaborator (others are audited and
/// ignored): records it against the commit reviewed and shows changes requested as a label on the issue.
struct ReviewHandler {
    let context: PipelineContext

    func handle(_ event: PullRequestReviewEvent) async throws {
        guard let record = try await context.record(forPull: event.pullRequest) else { return }
        let ledger = ReviewLedger(store: context.store, now: context.now)
        let sha = event.review.commitId ?? event.pullRequest.head.sha
        let login = event.review.user?.login ?? event.sender.login
        let association = event.review.authorAssociation
        guard ReviewLedger.counts(association) else {
            try await context.audit("github:\(login)", "review.ignored", record.task.id.rawValue,
                                    "\(event.review.state) by a reviewer with association \(association ?? "none"); only owners, members and collaborators count")
            return
        }
        let mirror = IssueMirror(context: context)
        switch (event.action, event.review.state.lowercased()) {
        case ("submitted", "approved"):
            try await ledger.record(record.task.id, state: .approved, sha: sha, by: login, association: association)
            try await mirror.sync(record, flags: [])
        case ("submitted", "changes_requested"):
            try await ledger.record(record.task.id, state: .changesRequested, sha: sha, by: login, association: association)
            try await mirror.sync(record, flags: [TaskLabels.changesRequested])
        case ("dismissed", _):
            try await ledger.record(record.task.id, state: .dismissed, sha: nil, by: login, association: association)
            try await mirror.sync(record, flags: [])
        default:
            return
        }
    }
}

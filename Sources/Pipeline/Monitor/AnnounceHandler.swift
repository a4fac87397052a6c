import Foundation
import PFBotCore
import Storage

/// `pipeline.announce`: a new proposal gets its issue, a comment mentioning the assignees, and the outbound notification.
struct AnnounceHandler: PipelineJobHandler {
    let kinds: Set<JobKind> = [.announce]
    let context: PipelineContext
    let notifier: (any TaskNotifier)?

    func handle(_ job: PipelineJob) async throws {
        guard case .announce(let announce) = job else { throw MisroutedJob(kind: job.kind, handler: "AnnounceHandler") }
        let id = announce.task
        let mirror = IssueMirror(context: context)
        let record = try await mirror.ensureIssue(try await context.record(id))
        try await mirror.sync(record)
        guard record.task.state == .proposed else { return }
        try await mirror.postOnce(record, event: "proposal", body: IssueComments.proposal(record.task, assignees: try await context.assignees()))
        if let notifier {
            let analysis = try await context.analyses.analysis(of: record)
            try await notifier.notify(TaskAnnouncement(
                task: record.task.id.rawValue, title: record.task.title, kind: record.task.kind.name, rewardPFT: record.task.reward.decimalText,
                category: analysis.category.rawValue, estimatedHours: analysis.estimate.hours, roi: analysis.returnOnInvestment,
                repository: context.repository.description, issue: record.issueNumber
            ))
        }
    }
}

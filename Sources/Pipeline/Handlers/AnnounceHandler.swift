import Foundation
import Storage

/// `pipeline.announce`: a new proposal gets its issue, a comment mentioning the assignees, and the outbound notification.
struct AnnounceHandler: JobHandler {
    let kinds: Set<String> = [PipelineJob.announce]
    let context: PipelineContext
    let notifier: (any TaskNotifier)?

    func handle(_ job: Job) async throws {
        let (_, id) = try PipelineJob.TaskPayload.decode(job)
        let mirror = IssueMirror(context: context)
        let record = try await mirror.ensureIssue(try await context.record(id))
        try await mirror.sync(record)
        guard record.task.state == .proposed else { return }
        try await mirror.postOnce(record, event: "proposal", body: IssueComments.proposal(record.task, assignees: context.assignees))
        if let notifier {
            let analysis = context.analyzer.analyze(record.task, manualEstimate: record.manualEstimate)
            try await notifier.notify(record, analysis: analysis, repository: context.repository.description)
        }
    }
}

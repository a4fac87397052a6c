import Foundation
import GitHub
import PFBotCore
import Storage

/// Keeps a task's GitHub issue in line with the task: creates it once (found again by its hidden marker, never
/// duplicated), keeps body and labels in sync with the state, posts each event's comment once, and closes it.
struct IssueMirror {
    let context: PipelineContext

    /// The task's issue number, creating or adopting the issue when the task has none yet.
    @discardableResult
    func ensureIssue(_ record: TaskRecord) async throws -> TaskRecord {
        var record = record
        if let number = record.issueNumber, record.repository == context.repository.description { return record.withIssue(number) }
        let analysis = try await context.analyses.analysis(of: record)
        let labels = TaskLabels.own(state: record.task.state, category: analysis.category)
        try await context.labels.ensure(labels, in: context.repository, github: context.github)
        let marker = IssueBody.marker(for: record.task.id)
        let existing = try await context.github.listIssues(context.repository, IssueQuery(state: "all", labels: [TaskLabels.task]))
            .first { $0.pullRequest == nil && ($0.body ?? "").contains(marker) }
        let number: Int
        if let existing {
            number = existing.number
        } else {
            let body = IssueBody.render(.init(task: record.task, analysis: analysis, assignees: context.assignees))
            number = try await context.github.createIssue(context.repository, NewIssue(title: IssueBody.title(for: record.task), body: body, labels: labels)).number
            try await context.audit("pfbot", "issue.created", record.task.id.rawValue, "#\(number)")
        }
        record.repository = context.repository.description
        record.issueNumber = number
        try await context.store.saveTask(record, source: "executor")
        return record
    }

    /// Rewrites the body (keeping ticks people made) and pfbot's labels; closes the issue when the task is over.
    func sync(_ record: TaskRecord, flags: [String] = []) async throws {
        guard let number = record.issueNumber else { return }
        let issue = try await context.github.issue(context.repository, number: number, options: ReadOptions())
        let analysis = try await context.analyses.analysis(of: record)
        let body = IssueBody.render(
            .init(task: record.task, analysis: analysis, branch: record.branch, pullNumber: record.pullNumber, assignees: context.assignees),
            checked: IssueBody.checkedItems(in: issue.body ?? "")
        )
        let currentLabels = issue.labels.map(\.name)
        let keptFlags = flags.isEmpty ? currentLabels.filter { $0 == TaskLabels.changesRequested } : flags
        let labels = TaskLabels.merged(current: currentLabels, state: record.task.state, category: analysis.category, flags: keptFlags)
        try await context.labels.ensure(labels.filter { $0.hasPrefix("pf:") }, in: context.repository, github: context.github)
        let shouldClose = record.task.state.isTerminal && issue.isOpen
        guard issue.body != body || Set(currentLabels) != Set(labels) || shouldClose else { return }
        var update = IssueUpdate()
        update.body = body
        update.labels = labels
        if shouldClose {
            update.state = "closed"
            update.stateReason = record.task.state == .rewarded ? "completed" : "not_planned"
        }
        _ = try await context.github.updateIssue(context.repository, number: number, update)
    }

    /// Posts `body` unless a comment carrying the same event marker is already there (a retried job posts once).
    func postOnce(_ record: TaskRecord, event: String, body: String) async throws {
        guard let number = record.issueNumber else { return }
        let comments = try await context.github.listComments(context.repository, issue: number)
        guard !comments.contains(where: { IssueComments.carries($0.body ?? "", event: event) }) else { return }
        _ = try await context.github.createComment(context.repository, issue: number, body: body)
    }
}

extension TaskRecord {
    func withIssue(_ number: Int) -> TaskRecord {
        var copy = self
        copy.issueNumber = number
        return copy
    }
}

import Foundation
import PFBotCore
import Storage

/// Posts a deadline warning on a task's issue at each configured lead time (`priority.deadline_warning_hours`),
/// once per lead time: the comment's event marker keeps a second pass from posting it again.
public struct DeadlineWatcher: Sendable {
    let context: PipelineContext

    /// Creates the watcher over the pipeline's context.
    public init(context: PipelineContext) {
        self.context = context
    }

    /// Checks every task in flight; returns how many warnings were posted.
    @discardableResult
    public func warn() async throws -> Int {
        let prioritizer = Prioritizer(settings: context.configuration.priority, maxInFlight: context.configuration.filters.maxInFlight)
        let mirror = IssueMirror(context: context)
        var posted = 0
        for record in try await context.store.tasks(in: Set(TaskState.allCases.filter(\.isInFlight))) where record.issueNumber != nil {
            guard let due = record.task.effectiveDeadline else { continue }
            let sent = try await context.store.deadlineWarnings(task: record.task.id)
            let dueHours = prioritizer.dueWarnings(for: record.task, alreadySent: sent, now: context.now())
            guard let hours = dueHours.last else { continue }
            try await mirror.postOnce(record, event: "deadline:\(hours)", body: IssueComments.deadlineWarning(hours: hours, due: due, assignees: try await context.assignees()))
            try await context.store.recordDeadlineWarnings(task: record.task.id, leadHours: Set(dueHours), at: context.now())
            posted += 1
        }
        return posted
    }
}

import Analytics
import Foundation
import PFBotCore
import Storage

extension AnalyticsCollector {
    /// Reads one task's page: its record, last QC verdict and state history.
    /// - Parameter id: the task id as it appears in the page's address.
    /// - Returns: the page, or `nil` when no task has that id.
    public func taskPage(from store: any Store, id: String) async throws -> TaskPage? {
        guard let id = try? TaskID(id), let record = try await store.task(id) else { return nil }
        let verdict = try await store.latestQualityVerdict(task: id).map {
            TaskPage.Verdict(head: $0.head, conclusion: $0.conclusion, title: $0.title, at: $0.at,
                             rules: $0.rules.map { TaskPage.Rule(rule: $0.rule, passed: $0.passed, problems: $0.problems) })
        }
        let history = try await store.history(of: id).map { TaskPage.Change(at: $0.at, from: $0.from?.rawValue, to: $0.to.rawValue, source: $0.source) }
        return TaskPage(id: id.rawValue, title: record.task.title, state: record.task.outcome.rawValue, rewardDrops: record.task.reward.drops,
                        branch: record.branch, issueNumber: record.issueNumber, pullNumber: record.pullNumber, verdict: verdict, history: history,
                        mergeCommit: record.mergeCommit, links: links(record))
    }
}

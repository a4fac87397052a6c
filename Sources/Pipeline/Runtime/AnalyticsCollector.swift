import Analytics
import Foundation
import PFBotCore
import Storage

/// Builds an ``AnalyticsReport`` from the store: the figures aggregated by the database, one page of task lines
/// and the newest audit entries, so a report costs the same few queries at 100 or 100,000 tasks.
public struct AnalyticsCollector: Sendable {
    /// How many audit entries the report lists.
    public var auditLines: Int
    /// How many tasks one page of the report lists.
    public var taskLines: Int
    /// Analyses tasks that have no stored analysis.
    public var analyzer: TaskAnalyzer
    /// GitHub's web address (`github.api_url`'s web side), on which the tasks' issue, pull request and merge commit
    /// links are built; `nil` makes no links.
    public var gitHubWebURL: URL?

    /// Creates a collector.
    /// - Parameters:
    ///   - analyzer: analyses tasks that have no stored analysis.
    ///   - auditLines: how many audit entries the report lists.
    ///   - taskLines: how many tasks one page of the report lists.
    ///   - gitHubWebURL: GitHub's web address for the tasks' links (``PFBotCore/GitHubSettings/webURL``); `nil` makes none.
    public init(analyzer: TaskAnalyzer = TaskAnalyzer(), auditLines: Int = 50, taskLines: Int = 100, gitHubWebURL: URL? = nil) {
        self.analyzer = analyzer
        self.auditLines = auditLines
        self.taskLines = taskLines
        self.gitHubWebURL = gitHubWebURL
    }

    /// Reads the figures, a page of tasks (highest estimated return first) and the audit log, as of `now`.
    /// - Parameter page: which page of tasks, from 0.
    public func collect(from store: any Store, now: Date, page: Int = 0) async throws -> AnalyticsReport {
        let figures = try await store.analyticsFigures(now: now)
        let lines = try await store.taskReportLines(limit: taskLines, offset: max(0, page) * taskLines)
        let audit = try await store.auditLog(limit: auditLines)
        let taskNodeDays = try await store.taskNodeRewardDays()
        return report(figures: figures, lines: lines, audit: audit, taskNodeDays: taskNodeDays, now: now)
    }

    /// The report from data already read (the pure part).
    public func report(figures: AnalyticsFigures, lines: [TaskReportLine], audit: [AuditEntry], taskNodeDays: [TaskNodeRewardDay] = [],
                       now: Date) -> AnalyticsReport {
        var cumulative: Int64 = 0
        let earnings = figures.earnings.sorted { $0.day < $1.day }.map { day in
            cumulative = Self.saturatingSum(cumulative, day.drops)
            return AnalyticsReport.Earning(day: day.day, drops: day.drops, cumulativeDrops: cumulative)
        }
        let rewarded = figures.earnings.reduce(0) { $0 + $1.tasks }
        return AnalyticsReport(
            generatedAt: now,
            tasksByState: Self.lifecycleOrder.compactMap { state in
                Self.shownCount(state, figures).map { AnalyticsReport.StateCount(state: state.rawValue, tasks: $0) }
            },
            acceptance: .init(count: figures.accepted, outOf: figures.accepted + figures.declined),
            completion: .init(count: rewarded, outOf: figures.endedAfterAcceptance),
            qualityControl: .init(count: figures.qualityControlPassed, outOf: figures.qualityControlRuns),
            earnedDrops: earnings.last?.cumulativeDrops ?? 0,
            earnings: earnings,
            timeInState: Self.lifecycleOrder.compactMap { state in
                figures.timeInState[state].flatMap { time in
                    time.spans == 0 ? nil : AnalyticsReport.StateTime(state: state.rawValue, tasks: time.spans, meanHours: time.totalHours / Double(time.spans),
                                                                      totalHours: time.totalHours)
                }
            },
            tasks: lines.map(line).sorted { ($0.estimatedPFTPerHour, $1.id) > ($1.estimatedPFTPerHour, $0.id) },
            audit: audit.prefix(auditLines).map {
                AnalyticsReport.AuditLine(at: $0.at, actor: $0.actor, action: $0.action, subject: $0.subject, title: $0.subjectTitle, detail: $0.detail,
                                          cause: $0.cause, taskNodeEvent: $0.taskNodeEvent)
            },
            rewardReconciliation: Self.reconcile(pfbot: figures.earnings, taskNode: taskNodeDays)
        )
    }

    /// pfbot's rewards per day beside the Task Node's: days either has a reward on; the Task Node's side only for
    /// the days it reported (its window), so older days are not flagged for lack of its data.
    static func reconcile(pfbot: [AnalyticsFigures.DayEarning], taskNode: [TaskNodeRewardDay]) -> [AnalyticsReport.RewardDay] {
        let ours = Dictionary(pfbot.map { ($0.day, $0.drops) }, uniquingKeysWith: +)
        let theirs = Dictionary(taskNode.map { ($0.day, $0.drops) }, uniquingKeysWith: { _, last in last })
        let days = Set(ours.filter { $0.value != 0 }.keys).union(theirs.filter { $0.value != 0 }.keys)
        return days.sorted().map { AnalyticsReport.RewardDay(day: $0, pfbotDrops: ours[$0] ?? 0, taskNodeDrops: theirs[$0]) }
    }

    private func line(_ line: TaskReportLine) -> AnalyticsReport.TaskLine {
        let record = line.record
        let (category, hours, roi): (String, Double, Double)
        if let stored = line.analysis {
            (category, hours, roi) = (stored.category, stored.estimatedHours, stored.returnOnInvestment)
        } else {
            let analysis = analyzer.analyze(record.task, manualEstimate: record.manualEstimate)
            (category, hours, roi) = (analysis.category.rawValue, analysis.estimate.hours, analysis.returnOnInvestment)
        }
        let reward = Double(record.task.reward.drops) / Double(PFTAmount.dropsPerPFT)
        let hoursToSubmit = line.acceptedAt.flatMap { start in line.submittedAt.map { max(0, $0.timeIntervalSince(start) / 3600) } }
        let rewarded = line.rewardedAt != nil && record.task.reward.drops > 0
        return AnalyticsReport.TaskLine(
            id: record.task.id.rawValue, title: record.task.title, category: category, state: record.task.outcome.rawValue,
            rewardDrops: record.task.reward.drops, issueNumber: record.issueNumber,
            estimatedHours: Self.finite(hours), estimatedPFTPerHour: Self.finite(roi),
            hoursToSubmit: hoursToSubmit,
            realizedPFTPerHour: rewarded ? hoursToSubmit.flatMap { $0 > 0 ? Self.finite(reward / $0) : nil } : nil,
            pullNumber: record.pullNumber, mergeCommit: record.mergeCommit, links: links(record)
        )
    }

    /// The task's issue, pull request and merge commit on GitHub's web pages.
    func links(_ record: TaskRecord) -> TaskLinks {
        TaskLinks(webURL: gitHubWebURL, repository: record.repository, issue: record.issueNumber, pull: record.pullNumber, commit: record.mergeCommit)
    }

    /// Tasks shown in `state`: a reward of 0 PFT is the reviewer's rejection, so those tasks count as `rejected`.
    static func shownCount(_ state: TaskState, _ figures: AnalyticsFigures) -> Int? {
        let count: Int?
        switch state {
        case .rewarded: count = (figures.tasksByState[.rewarded] ?? 0) - figures.rewardedWithoutPFT
        case .rejected: count = (figures.tasksByState[.rejected] ?? 0) + figures.rewardedWithoutPFT
        default: count = figures.tasksByState[state]
        }
        return count.flatMap { $0 > 0 ? $0 : nil }
    }

    /// States in the order a task goes through them, then the ends other than a reward.
    static let lifecycleOrder: [TaskState] = [
        .proposed, .accepted, .mirrored, .inProgress, .qcFailed, .qcPassed, .merged, .submitted, .verificationRequested,
        .verificationResponseSubmitted, .rewardDecided, .rewarded, .rejected, .refused, .cancelled, .expired, .unknown,
    ]

    /// Sums of rewards stay within Int64 whatever the Task Node claims.
    static func saturatingSum(_ a: Int64, _ b: Int64) -> Int64 {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? (b > 0 ? .max : .min) : sum
    }

    /// Numbers the report shows and encodes are finite (JSON has no infinity); anything else counts as 0.
    static func finite(_ value: Double) -> Double { value.isFinite ? value : 0 }
}

import Analytics
import Foundation
import PFBotCore
import Storage

/// Builds an ``AnalyticsReport`` from the store.
public struct AnalyticsCollector: Sendable {
    /// How many audit entries the report lists.
    public var auditLines: Int
    /// How many audit entries are read to count quality-control runs.
    public var auditScanLimit: Int
    public var analyzer: TaskAnalyzer

    public init(analyzer: TaskAnalyzer = TaskAnalyzer(), auditLines: Int = 50, auditScanLimit: Int = 100_000) {
        self.analyzer = analyzer
        self.auditLines = auditLines
        self.auditScanLimit = auditScanLimit
    }

    /// Reads tasks, histories and the audit log, and computes the report as of `now`.
    public func collect(from store: any Store, now: Date) async throws -> AnalyticsReport {
        let records = try await store.tasks(in: nil)
        let histories = try await store.histories()
        let audit = try await store.auditLog(limit: auditScanLimit)
        return report(records: records, histories: histories, audit: audit, now: now)
    }

    /// The report from data already read (the pure part, tested on its own).
    public func report(records: [TaskRecord], histories: [TaskID: [StateChange]], audit: [AuditEntry], now: Date) -> AnalyticsReport {
        var accepted = 0, declined = 0, rewarded = 0, endedAfterAcceptance = 0
        var earnedDrops: Int64 = 0
        var earnedByDay: [String: Int64] = [:]
        var stateHours: [TaskState: (tasks: Int, hours: Double)] = [:]
        var lines: [AnalyticsReport.TaskLine] = []

        for record in records {
            let task = record.task
            let history = (histories[task.id] ?? []).sorted { $0.at < $1.at }
            let reached = Set(history.map(\.to)).union([task.state])
            let wasAccepted = reached.contains(.accepted)
            if wasAccepted {
                accepted += 1
                if task.state.isTerminal { endedAfterAcceptance += 1 }
            } else if task.state == .refused || task.state == .expired {
                declined += 1
            }
            let rewardedAt = history.first(where: { $0.to == .rewarded })?.at ?? (task.state == .rewarded ? task.updatedAt : nil)
            if let rewardedAt, task.reward.drops > 0 {
                rewarded += 1
                earnedDrops = Self.saturatingSum(earnedDrops, task.reward.drops)
                earnedByDay[Self.day(rewardedAt), default: 0] = Self.saturatingSum(earnedByDay[Self.day(rewardedAt), default: 0], task.reward.drops)
            }
            for (state, hours) in Self.hoursInState(history: history, current: task.state, now: now) {
                stateHours[state, default: (0, 0)].tasks += 1
                stateHours[state, default: (0, 0)].hours += hours
            }
            lines.append(line(record, history: history, rewarded: rewardedAt != nil))
        }

        var cumulative: Int64 = 0
        let earnings = earnedByDay.sorted { $0.key < $1.key }.map { day, drops in
            cumulative = Self.saturatingSum(cumulative, drops)
            return AnalyticsReport.Earning(day: day, drops: drops, cumulativeDrops: cumulative)
        }
        let counts = Dictionary(grouping: records, by: \.task.state).mapValues(\.count)
        let qcRuns = audit.filter { $0.action == "qc.success" || $0.action == "qc.failure" }
        return AnalyticsReport(
            generatedAt: now,
            tasksByState: Self.lifecycleOrder.compactMap { state in counts[state].map { AnalyticsReport.StateCount(state: state.rawValue, tasks: $0) } },
            acceptance: .init(count: accepted, outOf: accepted + declined),
            completion: .init(count: rewarded, outOf: endedAfterAcceptance),
            qualityControl: .init(count: qcRuns.filter { $0.action == "qc.success" }.count, outOf: qcRuns.count),
            earnedDrops: earnedDrops,
            earnings: earnings,
            timeInState: Self.lifecycleOrder.compactMap { state in
                stateHours[state].map { AnalyticsReport.StateTime(state: state.rawValue, tasks: $0.tasks, meanHours: $0.hours / Double($0.tasks), totalHours: $0.hours) }
            },
            tasks: lines.sorted { ($0.estimatedPFTPerHour, $1.id) > ($1.estimatedPFTPerHour, $0.id) },
            audit: audit.prefix(auditLines).map { AnalyticsReport.AuditLine(at: $0.at, actor: $0.actor, action: $0.action, subject: $0.subject, detail: $0.detail) }
        )
    }

    private func line(_ record: TaskRecord, history: [StateChange], rewarded: Bool) -> AnalyticsReport.TaskLine {
        let analysis = analyzer.analyze(record.task, manualEstimate: record.manualEstimate)
        let reward = Double(record.task.reward.drops) / Double(PFTAmount.dropsPerPFT)
        let acceptedAt = history.first(where: { $0.to == .accepted })?.at
        let submittedAt = history.first(where: { $0.to == .submitted })?.at
        let hoursToSubmit = acceptedAt.flatMap { start in submittedAt.map { max(0, $0.timeIntervalSince(start) / 3600) } }
        return AnalyticsReport.TaskLine(
            id: record.task.id.rawValue, title: record.task.title, category: analysis.category.rawValue, state: record.task.state.rawValue,
            rewardDrops: record.task.reward.drops, issueNumber: record.issueNumber,
            estimatedHours: Self.finite(analysis.estimate.hours), estimatedPFTPerHour: Self.finite(analysis.returnOnInvestment),
            hoursToSubmit: hoursToSubmit,
            realizedPFTPerHour: rewarded ? hoursToSubmit.flatMap { $0 > 0 ? Self.finite(reward / $0) : nil } : nil
        )
    }

    /// States in the order a task goes through them, then the ends other than a reward.
    static let lifecycleOrder: [TaskState] = [
        .proposed, .accepted, .mirrored, .inProgress, .qcFailed, .qcPassed, .merged, .submitted, .verificationRequested,
        .verificationResponseSubmitted, .rewardDecided, .rewarded, .rejected, .refused, .cancelled, .expired,
    ]

    /// Hours spent in each state a task went through; the current state counts until `now` unless it is an end.
    static func hoursInState(history: [StateChange], current: TaskState, now: Date) -> [(TaskState, Double)] {
        var spans: [(TaskState, Double)] = []
        for (change, next) in zip(history, history.dropFirst()) {
            spans.append((change.to, max(0, next.at.timeIntervalSince(change.at) / 3600)))
        }
        if let last = history.last, !last.to.isTerminal {
            spans.append((last.to, max(0, now.timeIntervalSince(last.at) / 3600)))
        }
        return spans
    }

    /// Sums of rewards stay within Int64 whatever the Task Node claims.
    static func saturatingSum(_ a: Int64, _ b: Int64) -> Int64 {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? (b > 0 ? .max : .min) : sum
    }

    /// Numbers the report shows and encodes are finite (JSON has no infinity); anything else counts as 0.
    static func finite(_ value: Double) -> Double { value.isFinite ? value : 0 }

    static func day(_ date: Date) -> String {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC") ?? .current, from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}

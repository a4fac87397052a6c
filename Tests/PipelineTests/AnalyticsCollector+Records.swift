import Analytics
import Foundation
import PFBotCore
@testable import Pipeline
import Storage

/// The report computed in memory from whole records and histories: the reference the database's aggregation is
/// checked against (`AnalyticsAggregationTests`) and the builder of the report tests' samples.
extension AnalyticsCollector {
    func report(records: [TaskRecord], histories: [TaskID: [StateChange]], audit: [AuditEntry], now: Date) -> AnalyticsReport {
        let (figures, lines) = Self.figures(records: records, histories: histories, audit: audit, now: now)
        return report(figures: figures, lines: lines, audit: audit, now: now)
    }

    static func figures(records: [TaskRecord], histories: [TaskID: [StateChange]], audit: [AuditEntry], now: Date) -> (AnalyticsFigures, [TaskReportLine]) {
        var accepted = 0, declined = 0, ended = 0
        var earnings: [String: (drops: Int64, tasks: Int)] = [:]
        var times: [TaskState: AnalyticsFigures.StateTime] = [:]
        var lines: [TaskReportLine] = []
        for record in records {
            let task = record.task
            let history = (histories[task.id] ?? []).sorted { $0.at < $1.at }
            let acceptedAt = history.first(where: { $0.to == .accepted })?.at
            if acceptedAt != nil || task.state == .accepted {
                accepted += 1
                if task.state.isTerminal { ended += 1 }
            } else if task.state == .refused || task.state == .expired {
                declined += 1
            }
            let rewardedAt = history.first(where: { $0.to == .rewarded })?.at ?? (task.state == .rewarded ? task.updatedAt : nil)
            if let rewardedAt, task.reward.drops > 0 {
                let day = Self.day(rewardedAt)
                earnings[day, default: (0, 0)].drops = saturatingSum(earnings[day, default: (0, 0)].drops, task.reward.drops)
                earnings[day, default: (0, 0)].tasks += 1
            }
            for (change, next) in zip(history, history.dropFirst()) {
                add(&times, change.to, max(0, next.at.timeIntervalSince(change.at) / 3600))
            }
            if let last = history.last, !last.to.isTerminal {
                add(&times, last.to, max(0, now.timeIntervalSince(last.at) / 3600))
            }
            lines.append(TaskReportLine(record: record, analysis: nil, acceptedAt: acceptedAt, submittedAt: history.first(where: { $0.to == .submitted })?.at,
                                        rewardedAt: rewardedAt))
        }
        let qcRuns = audit.filter { $0.action == "qc.success" || $0.action == "qc.failure" }
        let figures = AnalyticsFigures(
            tasksByState: Dictionary(grouping: records, by: \.task.state).mapValues(\.count), accepted: accepted, declined: declined,
            endedAfterAcceptance: ended, earnings: earnings.map { AnalyticsFigures.DayEarning(day: $0.key, drops: $0.value.drops, tasks: $0.value.tasks) },
            qualityControlPassed: qcRuns.filter { $0.action == "qc.success" }.count, qualityControlRuns: qcRuns.count, timeInState: times,
            rewardedWithoutPFT: records.filter { $0.task.state == .rewarded && $0.task.reward == .zero }.count
        )
        return (figures, lines)
    }

    private static func add(_ times: inout [TaskState: AnalyticsFigures.StateTime], _ state: TaskState, _ hours: Double) {
        times[state] = AnalyticsFigures.StateTime(spans: (times[state]?.spans ?? 0) + 1, totalHours: (times[state]?.totalHours ?? 0) + hours)
    }

    static func day(_ date: Date) -> String {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC") ?? .current, from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}

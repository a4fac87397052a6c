import Foundation
import PFBotCore
import SQLKit

extension SQLStore {
    public func analyticsFigures(now: Date) async throws -> AnalyticsFigures {
        let terminal = TaskState.allCases.filter(\.isTerminal).map(\.rawValue).sorted()
        let nowMillis = Clock.millis(now)
        let byState = try await taskCounts()
        return try await lender.withConnection { database in
            let counts = try await database.raw("""
                SELECT COUNT(accepted_at) AS accepted,
                    COALESCE(SUM(CASE WHEN accepted_at IS NULL AND state IN ('refused', 'expired') THEN 1 ELSE 0 END), 0) AS declined,
                    COALESCE(SUM(CASE WHEN accepted_at IS NOT NULL AND state IN (\(binds: terminal)) THEN 1 ELSE 0 END), 0) AS ended,
                    COALESCE(SUM(CASE WHEN state = 'rewarded' AND reward_drops = 0 THEN 1 ELSE 0 END), 0) AS unpaid
                FROM tasks
                """).first()
            let day = engine == .sqlite ? "strftime('%Y-%m-%d', rewarded_at / 1000, 'unixepoch')"
                : "to_char(to_timestamp(rewarded_at / 1000) AT TIME ZONE 'UTC', 'YYYY-MM-DD')"
            let earnings = try await database.raw("""
                SELECT \(unsafeRaw: day) AS day, CAST(SUM(reward_drops) AS BIGINT) AS drops, COUNT(*) AS tasks
                FROM tasks WHERE rewarded_at IS NOT NULL AND reward_drops > 0 GROUP BY 1 ORDER BY 1
                """).all().map { row in
                AnalyticsFigures.DayEarning(day: try row.decode(column: "day", as: String.self), drops: try row.decode(column: "drops", as: Int64.self),
                                            tasks: try row.decode(column: "tasks", as: Int.self))
            }
            var qualityControl: [String: Int] = [:]
            for row in try await database.raw("""
                SELECT action, COUNT(*) AS count FROM audit_log WHERE action IN ('qc.success', 'qc.failure') GROUP BY action
                """).all() {
                qualityControl[try row.decode(column: "action", as: String.self)] = try row.decode(column: "count", as: Int.self)
            }
            var times: [TaskState: AnalyticsFigures.StateTime] = [:]
            for row in try await database.raw("SELECT state, spans, total_ms FROM state_durations").all() {
                times[try Self.state(row, "state")] = .init(spans: try row.decode(column: "spans", as: Int.self),
                                                            totalHours: Double(try row.decode(column: "total_ms", as: Int64.self)) / 3_600_000)
            }
            for row in try await database.raw("""
                SELECT state, COUNT(*) AS spans, CAST(SUM(CASE WHEN state_entered_at < \(bind: nowMillis) THEN \(bind: nowMillis) - state_entered_at ELSE 0 END) AS BIGINT) AS total_ms
                FROM tasks WHERE state NOT IN (\(binds: terminal)) AND state_entered_at IS NOT NULL GROUP BY state
                """).all() {
                let state = try Self.state(row, "state")
                let open = AnalyticsFigures.StateTime(spans: try row.decode(column: "spans", as: Int.self),
                                                      totalHours: Double(try row.decode(column: "total_ms", as: Int64.self)) / 3_600_000)
                times[state] = AnalyticsFigures.StateTime(spans: (times[state]?.spans ?? 0) + open.spans, totalHours: (times[state]?.totalHours ?? 0) + open.totalHours)
            }
            return AnalyticsFigures(
                tasksByState: byState, accepted: try counts?.decode(column: "accepted", as: Int.self) ?? 0,
                declined: try counts?.decode(column: "declined", as: Int.self) ?? 0, endedAfterAcceptance: try counts?.decode(column: "ended", as: Int.self) ?? 0,
                earnings: earnings, qualityControlPassed: qualityControl["qc.success"] ?? 0,
                qualityControlRuns: (qualityControl["qc.success"] ?? 0) + (qualityControl["qc.failure"] ?? 0), timeInState: times,
                rewardedWithoutPFT: try counts?.decode(column: "unpaid", as: Int.self) ?? 0
            )
        }
    }

    public func taskReportLines(limit: Int, offset: Int) async throws -> [TaskReportLine] {
        let (limit, offset) = (max(0, limit), max(0, offset))
        return try await lender.withConnection { database in
            // Analysed tasks in the index's order, then (past the last analysed one) tasks never analysed.
            var lines = try await database.raw("""
                SELECT t.id, t.data, t.raw, t.accepted_at, t.submitted_at, t.rewarded_at, a.input_digest, a.category, a.complexity, a.estimated_hours,
                    a.return_on_investment, a.detail, a.updated_at AS analysed_at
                FROM task_analyses a JOIN tasks t ON t.id = a.task_id
                ORDER BY a.return_on_investment DESC, a.task_id
                LIMIT \(bind: limit) OFFSET \(bind: offset)
                """).all().map(decodeReportLine)
            guard lines.count < limit else { return lines }
            let analysed = try await database.raw("SELECT COUNT(*) AS count FROM task_analyses").first()?.decode(column: "count", as: Int.self) ?? 0
            lines += try await database.raw("""
                SELECT t.id, t.data, t.raw, t.accepted_at, t.submitted_at, t.rewarded_at, NULL AS input_digest
                FROM tasks t WHERE NOT EXISTS (SELECT 1 FROM task_analyses a WHERE a.task_id = t.id)
                ORDER BY t.id
                LIMIT \(bind: limit - lines.count) OFFSET \(bind: max(0, offset - analysed))
                """).all().map(decodeReportLine)
            return lines
        }
    }

    private func decodeReportLine(_ row: any SQLRow) throws -> TaskReportLine {
        let record = try decodeTask(row)
        var analysis: TaskAnalysisRecord?
        if let digest = try row.decode(column: "input_digest", as: String?.self) {
            analysis = TaskAnalysisRecord(
                task: record.task.id, inputDigest: digest, category: try row.decode(column: "category", as: String.self),
                complexity: try row.decode(column: "complexity", as: Int.self), estimatedHours: try row.decode(column: "estimated_hours", as: Double.self),
                returnOnInvestment: try row.decode(column: "return_on_investment", as: Double.self), detail: try row.decode(column: "detail", as: String.self),
                updatedAt: Clock.date(try row.decode(column: "analysed_at", as: Int64.self))
            )
        }
        return TaskReportLine(record: record, analysis: analysis,
                              acceptedAt: try row.decode(column: "accepted_at", as: Int64?.self).map(Clock.date),
                              submittedAt: try row.decode(column: "submitted_at", as: Int64?.self).map(Clock.date),
                              rewardedAt: try row.decode(column: "rewarded_at", as: Int64?.self).map(Clock.date))
    }

    /// A task state read from `column`; an unknown value is a corrupt row.
    static func state(_ row: any SQLRow, _ column: String) throws -> TaskState {
        let text = try row.decode(column: column, as: String.self)
        guard let state = TaskState(rawValue: text) else { throw StoreError.corruptRow(table: "tasks", key: text, reason: "unknown state \(text)") }
        return state
    }
}

import Foundation
import PFBotCore
import SQLKit

extension SQLStore {
    public func recordQualityVerdict(_ verdict: QualityVerdictRecord) async throws {
        let rules = try RecordCoding.encode(verdict.rules)
        try await lender.withConnection { database in
            try await database.raw("""
                INSERT INTO qc_verdicts (task_id, head_sha, conclusion, title, rules, at)
                VALUES (\(bind: verdict.task.rawValue), \(bind: verdict.head), \(bind: verdict.conclusion), \(bind: verdict.title), \(bind: rules),
                        \(bind: Clock.millis(verdict.at)))
                ON CONFLICT (task_id, head_sha) DO UPDATE SET conclusion = excluded.conclusion, title = excluded.title, rules = excluded.rules,
                    at = excluded.at
                """).run()
        }
    }

    public func qualityVerdict(task: TaskID, head: String) async throws -> QualityVerdictRecord? {
        try await lender.withConnection { database in
            try await database.raw("""
                SELECT task_id, head_sha, conclusion, title, rules, at FROM qc_verdicts WHERE task_id = \(bind: task.rawValue) AND head_sha = \(bind: head)
                """).first().map(Self.decodeVerdict)
        }
    }

    public func latestQualityVerdict(task: TaskID) async throws -> QualityVerdictRecord? {
        try await lender.withConnection { database in
            try await database.raw("""
                SELECT task_id, head_sha, conclusion, title, rules, at FROM qc_verdicts WHERE task_id = \(bind: task.rawValue)
                ORDER BY at DESC, head_sha LIMIT 1
                """).first().map(Self.decodeVerdict)
        }
    }

    public func recordReview(_ review: ReviewRecord) async throws {
        try await lender.withConnection { database in
            try await database.raw("""
                INSERT INTO reviews (task_id, reviewer, author_association, state, commit_sha, at)
                VALUES (\(bind: review.task.rawValue), \(bind: review.reviewer), \(bind: review.authorAssociation), \(bind: review.state.rawValue),
                        \(bind: review.commit), \(bind: Clock.millis(review.at)))
                """).run()
        }
    }

    public func latestReview(task: TaskID) async throws -> ReviewRecord? {
        try await lender.withConnection { database in
            guard let row = try await database.raw("""
                SELECT reviewer, author_association, state, commit_sha, at FROM reviews WHERE task_id = \(bind: task.rawValue) ORDER BY id DESC LIMIT 1
                """).first() else { return nil }
            let stateText = try row.decode(column: "state", as: String.self)
            guard let state = ReviewRecord.State(rawValue: stateText) else {
                throw StoreError.corruptRow(table: "reviews", key: task.rawValue, reason: "unknown review state \(stateText)")
            }
            return ReviewRecord(task: task, reviewer: try row.decode(column: "reviewer", as: String.self),
                                authorAssociation: try row.decode(column: "author_association", as: String?.self), state: state,
                                commit: try row.decode(column: "commit_sha", as: String?.self), at: Clock.date(try row.decode(column: "at", as: Int64.self)))
        }
    }

    public func deadlineWarnings(task: TaskID) async throws -> Set<Int> {
        try await lender.withConnection { database in
            Set(try await database.raw("SELECT lead_hours FROM deadline_warnings WHERE task_id = \(bind: task.rawValue)").all().map {
                try $0.decode(column: "lead_hours", as: Int.self)
            })
        }
    }

    public func recordDeadlineWarnings(task: TaskID, leadHours: Set<Int>, at time: Date) async throws {
        guard !leadHours.isEmpty else { return }
        try await lender.withTransaction { database in
            for hours in leadHours.sorted() {
                try await database.raw("""
                    INSERT INTO deadline_warnings (task_id, lead_hours, sent_at) VALUES (\(bind: task.rawValue), \(bind: hours), \(bind: Clock.millis(time)))
                    ON CONFLICT DO NOTHING
                    """).run()
            }
        }
    }

    public func redelivery(guid: String) async throws -> RedeliveryRecord? {
        try await lender.withConnection { database in
            guard let row = try await database.raw("""
                SELECT github_delivery_id, requests, requested_at FROM redeliveries WHERE delivery_guid = \(bind: guid)
                """).first() else { return nil }
            return RedeliveryRecord(guid: guid, githubDeliveryID: try row.decode(column: "github_delivery_id", as: Int64.self),
                                    requests: try row.decode(column: "requests", as: Int.self),
                                    requestedAt: Clock.date(try row.decode(column: "requested_at", as: Int64.self)))
        }
    }

    public func redeliverySweepMark() async throws -> Date? {
        try await lender.withConnection { database in
            try await database.raw("SELECT newest_delivered_at FROM redelivery_sweep WHERE id = 1").first()
                .map { Clock.date(try $0.decode(column: "newest_delivered_at", as: Int64.self)) }
        }
    }

    public func recordRedeliverySweepMark(newestDeliveredAt: Date, at time: Date) async throws {
        try await lender.withConnection { database in
            try await database.raw("""
                INSERT INTO redelivery_sweep (id, newest_delivered_at, swept_at) VALUES (1, \(bind: Clock.millis(newestDeliveredAt)), \(bind: Clock.millis(time)))
                ON CONFLICT (id) DO UPDATE SET newest_delivered_at = excluded.newest_delivered_at, swept_at = excluded.swept_at
                """).run()
        }
    }

    public func recordRedelivery(guid: String, githubDeliveryID: Int64, at time: Date) async throws {
        try await lender.withConnection { database in
            try await database.raw("""
                INSERT INTO redeliveries (delivery_guid, github_delivery_id, requested_at) VALUES (\(bind: guid), \(bind: githubDeliveryID), \(bind: Clock.millis(time)))
                ON CONFLICT (delivery_guid) DO UPDATE SET github_delivery_id = excluded.github_delivery_id, requested_at = excluded.requested_at,
                    requests = redeliveries.requests + 1
                """).run()
        }
    }

    public func analysis(task: TaskID) async throws -> TaskAnalysisRecord? {
        try await lender.withConnection { database in
            guard let row = try await database.raw("""
                SELECT input_digest, category, complexity, estimated_hours, return_on_investment, detail, updated_at
                FROM task_analyses WHERE task_id = \(bind: task.rawValue)
                """).first() else { return nil }
            return TaskAnalysisRecord(
                task: task, inputDigest: try row.decode(column: "input_digest", as: String.self), category: try row.decode(column: "category", as: String.self),
                complexity: try row.decode(column: "complexity", as: Int.self), estimatedHours: try row.decode(column: "estimated_hours", as: Double.self),
                returnOnInvestment: try row.decode(column: "return_on_investment", as: Double.self), detail: try row.decode(column: "detail", as: String.self),
                updatedAt: Clock.date(try row.decode(column: "updated_at", as: Int64.self))
            )
        }
    }

    public func saveAnalysis(_ analysis: TaskAnalysisRecord) async throws {
        try await lender.withConnection { database in
            try await database.raw("""
                INSERT INTO task_analyses (task_id, input_digest, category, complexity, estimated_hours, return_on_investment, detail, updated_at)
                VALUES (\(bind: analysis.task.rawValue), \(bind: analysis.inputDigest), \(bind: analysis.category), \(bind: analysis.complexity),
                        \(bind: analysis.estimatedHours), \(bind: analysis.returnOnInvestment), \(bind: analysis.detail), \(bind: Clock.millis(analysis.updatedAt)))
                ON CONFLICT (task_id) DO UPDATE SET input_digest = excluded.input_digest, category = excluded.category, complexity = excluded.complexity,
                    estimated_hours = excluded.estimated_hours, return_on_investment = excluded.return_on_investment, detail = excluded.detail,
                    updated_at = excluded.updated_at
                """).run()
        }
    }

    private static func decodeVerdict(_ row: any SQLRow) throws -> QualityVerdictRecord {
        let key = try row.decode(column: "task_id", as: String.self)
        let id: TaskID
        do {
            id = try TaskID(key)
        } catch {
            throw StoreError.corruptRow(table: "qc_verdicts", key: key, reason: "invalid task id")
        }
        return QualityVerdictRecord(
            task: id, head: try row.decode(column: "head_sha", as: String.self), conclusion: try row.decode(column: "conclusion", as: String.self),
            title: try row.decode(column: "title", as: String.self),
            rules: try RecordCoding.decode([QualityVerdictRecord.RuleResult].self, from: try row.decode(column: "rules", as: String.self),
                                           table: "qc_verdicts", key: key),
            at: Clock.date(try row.decode(column: "at", as: Int64.self))
        )
    }
}

import Foundation
import PFBotCore
import SQLKit

extension SQLStore {
    public func prune(_ retention: RetentionSettings, now: Date) async throws -> PruneReport {
        func cutoff(_ days: Int) -> Int64 { Clock.millis(now.addingTimeInterval(-Double(days) * 86_400)) }
        return try await lender.withTransaction { database in
            let deliveries = try await database.raw("""
                DELETE FROM deliveries WHERE processed_at IS NOT NULL AND processed_at < \(bind: cutoff(retention.deliveryDays)) RETURNING delivery_id
                """).all().count
            let bodies = try await database.raw("""
                UPDATE deliveries SET body = \(bind: Data()) WHERE processed_at IS NOT NULL AND processed_at < \(bind: cutoff(retention.deliveryBodyDays))
                AND length(body) > 0 RETURNING delivery_id
                """).all().count
            let jobs = try await database.raw("""
                DELETE FROM jobs WHERE state = 'done' AND updated_at < \(bind: cutoff(retention.doneJobDays)) RETURNING id
                """).all().count
            // A comment's command receipts are kept as long as the ids of the deliveries that could carry it again; one
            // begun that long ago and never finished was abandoned with its comment.
            try await database.raw("""
                DELETE FROM command_receipts WHERE COALESCE(finished_at, started_at) < \(bind: cutoff(retention.deliveryDays))
                """).run()
            // The heads of a task's pull request bind its commands while it is open; an ended task's are dropped as
            // long after its end as the command receipts.
            let ended = TaskState.allCases.filter(\.isTerminal).map(\.rawValue).sorted()
            try await database.raw("""
                DELETE FROM task_heads WHERE task_id IN (
                    SELECT id FROM tasks WHERE state IN (\(binds: ended)) AND updated_at < \(bind: cutoff(retention.deliveryDays)))
                """).run()
            var audit = 0
            if retention.auditDays > 0 {
                audit = try await database.raw("DELETE FROM audit_log WHERE at < \(bind: cutoff(retention.auditDays)) RETURNING id").all().count
            }
            return PruneReport(deliveryBodies: bodies, deliveries: deliveries, jobs: jobs, auditEntries: audit)
        }
    }
}

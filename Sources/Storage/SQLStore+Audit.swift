import Foundation
import SQLKit

extension SQLStore {
    public func appendAudit(_ entry: AuditEntry) async throws {
        try await lender.withConnection { database in
            try await database.raw("""
                INSERT INTO audit_log (at, actor, action, subject, detail, cause, tasknode_event)
                VALUES (\(bind: Clock.millis(entry.at)), \(bind: entry.actor), \(bind: entry.action), \(bind: entry.subject), \(bind: entry.detail),
                        \(bind: entry.cause), \(bind: entry.taskNodeEvent))
                """).run()
        }
    }

    public func auditLog(limit: Int) async throws -> [AuditEntry] {
        try await lender.withConnection { database in
            try await database.raw("""
                SELECT a.at, a.actor, a.action, a.subject, a.detail, a.cause, a.tasknode_event, t.title AS subject_title
                FROM audit_log a LEFT JOIN tasks t ON t.id = a.subject ORDER BY a.id DESC LIMIT \(bind: max(limit, 0))
                """).all().map { row in
                AuditEntry(
                    at: Clock.date(try row.decode(column: "at", as: Int64.self)),
                    actor: try row.decode(column: "actor", as: String.self),
                    action: try row.decode(column: "action", as: String.self),
                    subject: try row.decode(column: "subject", as: String.self),
                    detail: try row.decode(column: "detail", as: String?.self),
                    cause: try row.decode(column: "cause", as: String?.self),
                    taskNodeEvent: try row.decode(column: "tasknode_event", as: String?.self),
                    subjectTitle: try row.decode(column: "subject_title", as: String?.self)
                )
            }
        }
    }

    public func setting(_ key: String) async throws -> String? {
        try await lender.withConnection { database in
            try await database.raw("SELECT value FROM settings WHERE key = \(bind: key)").first()?.decode(column: "value", as: String.self)
        }
    }

    public func setSetting(_ key: String, value: String, now: Date) async throws {
        try await lender.withConnection { database in
            try await database.raw("""
                INSERT INTO settings (key, value, updated_at) VALUES (\(bind: key), \(bind: value), \(bind: Clock.millis(now)))
                ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
                """).run()
        }
    }
}

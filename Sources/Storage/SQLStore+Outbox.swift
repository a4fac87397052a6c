import Foundation
import SQLKit

extension SQLStore {
    public func reserveOutbox(_ entry: NewOutboxEntry, now: Date) async throws -> OutboxEntry {
        try await lender.withTransaction { database in
            try await database.raw("""
                INSERT INTO outbox (key, kind, payload, state, attempts, created_at)
                VALUES (\(bind: entry.key), \(bind: entry.kind), \(bind: entry.payload), 'pending', 0, \(bind: Clock.millis(now)))
                ON CONFLICT DO NOTHING
                """).run()
            guard let stored = try await fetchOutbox(database, key: entry.key) else {
                throw StoreError.notFound("outbox entry \(entry.key)")
            }
            return stored
        }
    }

    public func markOutboxSent(key: String, result: String, now: Date) async throws {
        try await lender.withConnection { database in
            try await database.raw("""
                UPDATE outbox SET state = 'sent', attempts = attempts + 1, result = \(bind: result), sent_at = \(bind: Clock.millis(now))
                WHERE key = \(bind: key)
                """).run()
        }
    }

    public func markOutboxFailed(key: String, error: String, now: Date) async throws {
        try await lender.withConnection { database in
            try await database.raw("""
                UPDATE outbox SET attempts = attempts + 1, last_error = \(bind: String(error.prefix(4000)))
                WHERE key = \(bind: key) AND state = 'pending'
                """).run()
        }
    }

    public func outboxEntry(key: String) async throws -> OutboxEntry? {
        try await lender.withConnection { database in try await fetchOutbox(database, key: key) }
    }

    private func fetchOutbox(_ database: any SQLDatabase, key: String) async throws -> OutboxEntry? {
        guard let row = try await database.raw("SELECT * FROM outbox WHERE key = \(bind: key)").first() else { return nil }
        let stateText = try row.decode(column: "state", as: String.self)
        guard let state = OutboxState(rawValue: stateText) else {
            throw StoreError.corruptRow(table: "outbox", key: key, reason: "unknown state \(stateText)")
        }
        return OutboxEntry(
            key: key,
            kind: try row.decode(column: "kind", as: String.self),
            payload: try row.decode(column: "payload", as: String.self),
            state: state,
            attempts: try row.decode(column: "attempts", as: Int.self),
            result: try row.decode(column: "result", as: String?.self),
            lastError: try row.decode(column: "last_error", as: String?.self),
            createdAt: Clock.date(try row.decode(column: "created_at", as: Int64.self)),
            sentAt: try row.decode(column: "sent_at", as: Int64?.self).map(Clock.date)
        )
    }
}

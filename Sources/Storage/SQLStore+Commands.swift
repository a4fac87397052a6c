import Foundation
import PFBotCore
import SQLKit

extension SQLStore {
    public func beginCommand(comment: Int64, line: Int, verb: String, owner: String, at time: Date,
                             takeOverAfter: TimeInterval) async throws -> CommandStart {
        try await lender.withConnection { database in
            // Insert-or-keep in one statement, then read: a concurrent attempt sees the first one's row.
            let inserted = try await database.raw("""
                INSERT INTO command_receipts (comment_id, line, verb, started_at, owner)
                VALUES (\(bind: comment), \(bind: line), \(bind: verb), \(bind: Clock.millis(time)), \(bind: owner))
                ON CONFLICT (comment_id, line) DO NOTHING
                RETURNING comment_id
                """).first()
            guard inserted == nil else { return .run }
            guard let row = try await database.raw("""
                SELECT reply, started_at, owner FROM command_receipts WHERE comment_id = \(bind: comment) AND line = \(bind: line)
                """).first() else { return .run }
            if let reply = try row.decode(column: "reply", as: String?.self) { return .finished(reply: reply) }
            let startedAt = try row.decode(column: "started_at", as: Int64.self)
            let holder = try row.decode(column: "owner", as: String?.self)
            if holder == owner { return .run }
            guard Clock.date(startedAt).addingTimeInterval(takeOverAfter) <= time else { return .running(since: Clock.date(startedAt)) }
            // The attempt that began it stopped without finishing: take it over, one taker only (compare and set).
            let taken = try await database.raw("""
                UPDATE command_receipts SET owner = \(bind: owner), started_at = \(bind: Clock.millis(time))
                WHERE comment_id = \(bind: comment) AND line = \(bind: line) AND finished_at IS NULL AND started_at = \(bind: startedAt)
                RETURNING comment_id
                """).first()
            return taken == nil ? .running(since: Clock.date(startedAt)) : .run
        }
    }

    public func finishCommand(comment: Int64, line: Int, reply: String, at time: Date) async throws {
        try await lender.withConnection { database in
            try await database.raw("""
                UPDATE command_receipts SET reply = \(bind: reply), finished_at = \(bind: Clock.millis(time))
                WHERE comment_id = \(bind: comment) AND line = \(bind: line)
                """).run()
        }
    }

    public func recordHead(task: TaskID, sha: String, at time: Date) async throws {
        try await lender.withTransaction { database in
            // `seq` orders the heads as they were reported, whatever their times (GitHub's clock has one-second steps).
            // The current head reported again (ready for review, reopened) is no new head: its time stays the first one.
            let latest = try await database.raw("""
                SELECT head_sha, seq FROM task_heads WHERE task_id = \(bind: task.rawValue) ORDER BY seq DESC LIMIT 1
                """).first()
            if try latest?.decode(column: "head_sha", as: String.self) == sha { return }
            let next = (try latest?.decode(column: "seq", as: Int64.self) ?? 0) + 1
            try await database.raw("""
                INSERT INTO task_heads (task_id, head_sha, seen_at, seq) VALUES (\(bind: task.rawValue), \(bind: sha), \(bind: Clock.millis(time)), \(bind: next))
                ON CONFLICT (task_id, head_sha) DO UPDATE SET seen_at = excluded.seen_at, seq = excluded.seq
                """).run()
        }
    }

    public func heads(task: TaskID) async throws -> [TaskHead] {
        try await lender.withConnection { database in
            try await database.raw("""
                SELECT head_sha, seen_at FROM task_heads WHERE task_id = \(bind: task.rawValue) ORDER BY seq
                """).all().map { row in
                TaskHead(sha: try row.decode(column: "head_sha", as: String.self), seenAt: Clock.date(try row.decode(column: "seen_at", as: Int64.self)))
            }
        }
    }
}

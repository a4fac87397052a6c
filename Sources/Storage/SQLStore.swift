import Foundation
import Logging
import PFBotCore
import SQLKit

/// The ``Store`` over SQL: one implementation for SQLite and PostgreSQL, through SQLKit.
///
/// Open one with ``StoreFactory``. The few places where the engines differ (claiming a job, locking a row,
/// serialising migrations) branch on ``engine``.
public final class SQLStore: Store {
    public let engine: StorageEngine
    let lender: any DatabaseLender
    let location: String

    init(lender: any DatabaseLender, location: String) {
        self.engine = lender.engine
        self.lender = lender
        self.location = location
    }

    public func migrate() async throws {
        try await migrate(through: nil)
    }

    /// Applies the migrations not yet applied, up to and including `lastID` (all when `nil`).
    func migrate(through lastID: String?) async throws {
        let wanted = lastID.flatMap { id in Migrations.all.firstIndex { $0.id == id }.map { Array(Migrations.all.prefix($0 + 1)) } } ?? Migrations.all
        try await lender.withTransaction { database in
            if engine == .postgres {
                try await database.raw("SELECT pg_advisory_xact_lock(7243150001)").run()
            }
            try await database.raw(
                "CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)"
            ).run()
            let applied = Set(try await database.raw("SELECT id FROM schema_migrations").all().map {
                try $0.decode(column: "id", as: String.self)
            })
            let known = Set(Migrations.all.map(\.id))
            if let unknown = applied.subtracting(known).sorted().last {
                throw StoreError.newerSchema(migration: unknown)
            }
            for migration in wanted where !applied.contains(migration.id) {
                for statement in migration.statements(for: engine) {
                    try await database.raw(SQLQueryString(engine.render(statement))).run()
                }
                try await migration.afterwards?(database)
                try await database.raw(
                    "INSERT INTO schema_migrations (id, applied_at) VALUES (\(bind: migration.id), \(bind: Clock.millis(Date())))"
                ).run()
            }
        }
    }

    public func close() async throws {
        try await lender.shutdown()
    }
}

/// Time as stored: whole milliseconds since 1970 in a BIGINT column.
enum Clock {
    static func millis(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded(.down)) }
    static func date(_ millis: Int64) -> Date { Date(timeIntervalSince1970: Double(millis) / 1000) }
}

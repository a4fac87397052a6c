import AsyncKit
import SQLKit

/// Lends database connections, one at a time per caller, so a transaction runs on a single connection.
protocol DatabaseLender: Sendable {
    var engine: StorageEngine { get }
    func withConnection<T: Sendable>(_ body: (any SQLDatabase) async throws -> T) async throws -> T
    func withTransaction<T: Sendable>(_ body: (any SQLDatabase) async throws -> T) async throws -> T
    func shutdown() async throws
}

/// A ``DatabaseLender`` over an async-kit connection pool.
///
/// `@unchecked Sendable`: async-kit's `EventLoopGroupConnectionPool` guards its state with its own lock and is
/// meant to be shared across threads, but it does not declare `Sendable`.
struct ConnectionProvider<Source: ConnectionPoolSource>: DatabaseLender, @unchecked Sendable where Source.Connection: Sendable {
    let engine: StorageEngine
    let pool: EventLoopGroupConnectionPool<Source>
    let makeDatabase: @Sendable (Source.Connection) -> any SQLDatabase
    /// Runs after the pool has closed its connections (stops threads the source owns).
    var afterShutdown: @Sendable () async throws -> Void = {}

    /// Runs `body` with a connection of its own.
    func withConnection<T: Sendable>(_ body: (any SQLDatabase) async throws -> T) async throws -> T {
        let connection = try await pool.requestConnection().get()
        defer { pool.releaseConnection(connection) }
        return try await body(makeDatabase(connection))
    }

    /// Runs `body` in a write transaction, committing on success and rolling back on any error.
    func withTransaction<T: Sendable>(_ body: (any SQLDatabase) async throws -> T) async throws -> T {
        try await withConnection { database in
            try await database.raw(SQLQueryString(engine.beginWrite)).run()
            do {
                let result = try await body(database)
                try await database.raw("COMMIT").run()
                return result
            } catch {
                try? await database.raw("ROLLBACK").run()
                throw error
            }
        }
    }

    func shutdown() async throws {
        try await pool.shutdownAsync()
        try await afterShutdown()
    }
}

import AsyncKit
import SQLKit

/// Lends database connections, one at a time per caller, so a transaction runs on a single connection.
protocol DatabaseLender: Sendable {
    var engine: StorageEngine { get }
    func withConnection<T: Sendable>(_ body: (any SQLDatabase) async throws -> T) async throws -> T
    func withTransaction<T: Sendable>(_ body: (any SQLDatabase) async throws -> T) async throws -> T
    /// Runs `body` with the connection kept for the webhook inbox's writes, where the engine keeps one; callers
    /// take turns on it.
    func withInboxConnection<T: Sendable>(_ body: (any SQLDatabase) async throws -> T) async throws -> T
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
    /// The connection kept for the inbox's writes; `nil` uses the pool for them like for everything else.
    var inboxConnection: ReservedConnection<Source.Connection>?
    /// Runs before the pool closes its connections (stops background work that uses them).
    var beforeShutdown: @Sendable () async -> Void = {}
    /// Runs after the pool has closed its connections (stops threads the source owns).
    var afterShutdown: @Sendable () async throws -> Void = {}
    /// The connections lent out; ``shutdown()`` waits for them before the pool closes.
    let leases = ConnectionLeases()
    /// How long ``shutdown()`` waits for lent connections to come back.
    var drainLimit: Duration = .seconds(30)

    /// Runs `body` with a connection of its own.
    func withConnection<T: Sendable>(_ body: (any SQLDatabase) async throws -> T) async throws -> T {
        let connection = try await borrow()
        defer { giveBack(connection) }
        return try await body(makeDatabase(connection))
    }

    /// Runs `body` in a write transaction, committing on success and rolling back on any error, cancellation
    /// included.
    func withTransaction<T: Sendable>(_ body: (any SQLDatabase) async throws -> T) async throws -> T {
        try await withConnection { database in
            try await database.raw(SQLQueryString(engine.beginWrite)).run()
            do {
                let result = try await body(database)
                try await database.raw("COMMIT").run()
                return result
            } catch {
                // Not in this task: a cancelled task's statements are refused before they run, and a transaction
                // left open would hold SQLite's write lock on a pooled connection until every other writer timed out.
                _ = await Task { try await database.raw("ROLLBACK").run() }.result
                throw error
            }
        }
    }

    func withInboxConnection<T: Sendable>(_ body: (any SQLDatabase) async throws -> T) async throws -> T {
        guard let inboxConnection else { return try await withConnection(body) }
        return try await inboxConnection.use(
            request: { try await borrow() },
            giveBack: { giveBack($0) },
            { connection in try await body(makeDatabase(connection)) }
        )
    }

    /// Closes the pool once every lent connection is back. Connections still lent after ``drainLimit`` (work that
    /// never finished) are closed by the pool when given back, so what they run on is left running.
    func shutdown() async throws {
        await beforeShutdown()
        await inboxConnection?.surrender { giveBack($0) }
        let allBack = await leases.drain(limit: drainLimit)
        try await pool.shutdownAsync()
        if allBack { try await afterShutdown() }
    }

    private func borrow() async throws -> Source.Connection {
        try leases.borrow()
        do {
            return try await pool.requestConnection().get()
        } catch {
            leases.giveBack()
            throw error
        }
    }

    private func giveBack(_ connection: Source.Connection) {
        pool.releaseConnection(connection)
        leases.giveBack()
    }
}

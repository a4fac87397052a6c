import Foundation
import SQLKit
@testable import Storage
import Testing

@Suite struct StoreCloseTests {
    /// A store closed while a query still holds a connection (a job finishing during shutdown): closing waits for
    /// it, the query completes, and work asked for afterwards is refused with ``StoreError/closed``. Before, the
    /// pool closed without the lent connection, the SQLite thread pool stopped, and the connection given back
    /// later could not be closed (debug builds trapped: "SQLiteConnection was not closed before deinitializing").
    @Test(arguments: Engine.allCases)
    func closingWhileAQueryHoldsAConnection_waitsForIt_thenRefusesNewWork(engine: Engine) async throws {
        let database = try await TestDatabase.make(engine)
        let store = try await database.open()
        let (held, holding) = AsyncStream.makeStream(of: Void.self)
        let query = Task {
            try await store.lender.withConnection { sql in
                holding.yield()
                try await Task.sleep(for: .milliseconds(300))
                return try await sql.raw("SELECT 41 + 1 AS answer").first().map { try $0.decode(column: "answer", as: Int.self) }
            }
        }
        var iterator = held.makeAsyncIterator()
        _ = await iterator.next()
        try await store.close()
        #expect(try await query.value == 42)
        let refused = await #expect(throws: StoreError.self) { _ = try await store.setting("anything") }
        if case .closed? = refused {} else { Issue.record("expected StoreError.closed, got \(String(describing: refused))") }
        await database.remove()
    }
}

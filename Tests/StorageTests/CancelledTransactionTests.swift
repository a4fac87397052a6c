import Foundation
import SQLKit
@testable import Storage
import Testing

@Suite struct CancelledTransactionTests {
    /// A task cancelled inside a transaction: its statements are refused from then on, and the transaction must
    /// still be rolled back, or SQLite's write lock stays with a pooled connection and every other writer waits
    /// out the busy timeout and fails.
    @Test(arguments: Engine.allCases)
    func cancellationInsideATransaction_rollsItBack_andReleasesTheWriteLock(engine: Engine) async throws {
        try await withStore(engine) { store, _ in
            let now = Date(timeIntervalSince1970: 1_800_000_000)
            let cancelled = Task {
                try await store.lender.withTransaction { database in
                    try await database.raw("INSERT INTO settings (key, value, updated_at) VALUES ('half', 'written', 0)").run()
                    withUnsafeCurrentTask { $0?.cancel() }
                    try await database.raw("SELECT 1").run()
                }
            }
            // SQLite refuses the cancelled task's next statement; PostgreSQL's driver runs it and commits. Either way
            // the transaction is all or nothing, and the next writer gets through.
            let outcome = await cancelled.result
            let half = try await store.setting("half")
            switch outcome {
            case .success: #expect(half == "written")
            case .failure: #expect(half == nil)
            }
            if engine == .sqlite {
                #expect(throws: CancellationError.self) { try outcome.get() }
            }
            try await store.setSetting("after", value: "written", now: now)
            #expect(try await store.setting("after") == "written")
        }
    }
}

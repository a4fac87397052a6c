import Foundation
import SQLKit

extension SQLStore {
    public func acquireLease(_ name: String, holder: String, duration: Double, now: Date) async throws -> Bool {
        let nowMillis = Clock.millis(now)
        let until = Clock.millis(now.addingTimeInterval(duration))
        return try await lender.withConnection { database in
            // One statement: insert, or take over when expired or already ours. Concurrent callers are serialised
            // by the primary key, so at most one holder comes out of it.
            let row = try await database.raw("""
                INSERT INTO leases (name, holder, expires_at) VALUES (\(bind: name), \(bind: holder), \(bind: until))
                ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
                WHERE leases.expires_at < \(bind: nowMillis) OR leases.holder = excluded.holder
                RETURNING holder
                """).first()
            return try row?.decode(column: "holder", as: String.self) == holder
        }
    }

    public func releaseLease(_ name: String, holder: String) async throws {
        try await lender.withConnection { database in
            try await database.raw("DELETE FROM leases WHERE name = \(bind: name) AND holder = \(bind: holder)").run()
        }
    }
}

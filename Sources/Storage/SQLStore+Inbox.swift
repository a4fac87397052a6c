import Foundation
import SQLKit

extension SQLStore {
    public func recordDelivery(_ delivery: Delivery) async throws -> Bool {
        try await lender.withTransaction { database in try await Self.insert(delivery, into: database) }
    }

    public func recordDeliveries(_ deliveries: [Delivery]) async throws -> [Bool] {
        guard !deliveries.isEmpty else { return [] }
        var firstIndex: [String: Int] = [:]
        for (index, delivery) in deliveries.enumerated() where firstIndex[delivery.id] == nil { firstIndex[delivery.id] = index }
        let candidates = deliveries.enumerated().filter { firstIndex[$0.element.id] == $0.offset }.map(\.element)
        let inserted = try await lender.withTransaction { database in
            var inserted = Set<String>()
            for start in stride(from: 0, to: candidates.count, by: Self.deliveriesPerStatement) {
                let chunk = candidates[start..<min(start + Self.deliveriesPerStatement, candidates.count)]
                inserted.formUnion(try await Self.insert(chunk, into: database))
            }
            return inserted
        }
        return deliveries.enumerated().map { firstIndex[$0.element.id] == $0.offset && inserted.contains($0.element.id) }
    }

    /// Rows per multi-row INSERT (6 parameters each keeps a statement under SQLite's oldest 999-parameter limit).
    static let deliveriesPerStatement = 100

    /// Inserts deliveries with distinct ids and the jobs of those that are new, in two statements inside the
    /// caller's transaction.
    /// - Returns: the ids that were new.
    private static func insert(_ deliveries: ArraySlice<Delivery>, into database: any SQLDatabase) async throws -> Set<String> {
        let rows: [SQLQueryString] = deliveries.map { delivery in
            "(\(bind: delivery.id), \(bind: delivery.event), \(bind: delivery.action), \(bind: Data(delivery.body)), \(bind: Clock.millis(delivery.receivedAt)))"
        }
        let returned = try await database.raw("""
            INSERT INTO deliveries (delivery_id, event, action, body, received_at)
            VALUES \(rows.joined(separator: ", "))
            ON CONFLICT DO NOTHING
            RETURNING delivery_id
            """).all()
        let inserted = Set(try returned.map { try $0.decode(column: "delivery_id", as: String.self) })
        let jobs: [SQLQueryString] = deliveries.filter { inserted.contains($0.id) }.map { delivery in
            let now = Clock.millis(delivery.receivedAt)
            return "(\(bind: Delivery.jobKind), \(bind: delivery.id), \(bind: "delivery:" + delivery.id), 'queued', 0, 8, \(bind: now), \(bind: now), \(bind: now))"
        }
        guard !jobs.isEmpty else { return inserted }
        try await database.raw("""
            INSERT INTO jobs (kind, payload, dedupe_key, state, attempts, max_attempts, run_at, created_at, updated_at)
            VALUES \(jobs.joined(separator: ", "))
            """).run()
        return inserted
    }

    /// Inserts a delivery and its job inside the caller's transaction; `false` when the id is taken.
    private static func insert(_ delivery: Delivery, into database: any SQLDatabase) async throws -> Bool {
        let inserted = try await database.raw("""
            INSERT INTO deliveries (delivery_id, event, action, body, received_at)
            VALUES (\(bind: delivery.id), \(bind: delivery.event), \(bind: delivery.action), \(bind: Data(delivery.body)),
                    \(bind: Clock.millis(delivery.receivedAt)))
            ON CONFLICT DO NOTHING
            RETURNING delivery_id
            """).first()
        guard inserted != nil else { return false }
        let now = Clock.millis(delivery.receivedAt)
        try await database.raw("""
            INSERT INTO jobs (kind, payload, dedupe_key, state, attempts, max_attempts, run_at, created_at, updated_at)
            VALUES (\(bind: Delivery.jobKind), \(bind: delivery.id), \(bind: "delivery:" + delivery.id), 'queued', 0, 8,
                    \(bind: now), \(bind: now), \(bind: now))
            """).run()
        return true
    }

    public func delivery(_ id: String) async throws -> Delivery? {
        try await lender.withConnection { database in
            guard let row = try await database.raw(
                "SELECT * FROM deliveries WHERE delivery_id = \(bind: id)"
            ).first() else { return nil }
            return Delivery(
                id: id,
                event: try row.decode(column: "event", as: String.self),
                action: try row.decode(column: "action", as: String?.self),
                body: [UInt8](try row.decode(column: "body", as: Data.self)),
                receivedAt: Clock.date(try row.decode(column: "received_at", as: Int64.self)),
                processedAt: try row.decode(column: "processed_at", as: Int64?.self).map(Clock.date)
            )
        }
    }

    public func markDeliveryProcessed(_ id: String, at time: Date) async throws {
        try await lender.withConnection { database in
            try await database.raw(
                "UPDATE deliveries SET processed_at = \(bind: Clock.millis(time)) WHERE delivery_id = \(bind: id)"
            ).run()
        }
    }
}

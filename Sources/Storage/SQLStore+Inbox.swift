import Foundation
import SQLKit

extension SQLStore {
    public func recordDelivery(_ delivery: Delivery) async throws -> Bool {
        try await recordDeliveries([delivery])[0]
    }

    /// Stores the deliveries; the database adds each new one's job (migration `003_delivery_jobs_trigger`). Up to
    /// ``deliveriesPerStatement`` deliveries are one INSERT in autocommit on the connection kept for the inbox, so a
    /// batch costs one round trip to the database thread and one commit; larger batches run their statements in one
    /// transaction.
    public func recordDeliveries(_ deliveries: [Delivery]) async throws -> [Bool] {
        guard !deliveries.isEmpty else { return [] }
        var firstIndex: [String: Int] = [:]
        for (index, delivery) in deliveries.enumerated() where firstIndex[delivery.id] == nil { firstIndex[delivery.id] = index }
        let candidates = deliveries.enumerated().filter { firstIndex[$0.element.id] == $0.offset }.map(\.element)
        let inserted: Set<String>
        if candidates.count <= Self.deliveriesPerStatement {
            inserted = try await lender.withInboxConnection { database in try await Self.insert(candidates[...], into: database) }
        } else {
            inserted = try await lender.withTransaction { database in
                var inserted = Set<String>()
                for start in stride(from: 0, to: candidates.count, by: Self.deliveriesPerStatement) {
                    let chunk = candidates[start..<min(start + Self.deliveriesPerStatement, candidates.count)]
                    inserted.formUnion(try await Self.insert(chunk, into: database))
                }
                return inserted
            }
        }
        return deliveries.enumerated().map { firstIndex[$0.element.id] == $0.offset && inserted.contains($0.element.id) }
    }

    /// Rows per multi-row INSERT: 5 parameters each, 1,280 in all, within SQLite's limit of 32,766 (since 3.32) and
    /// PostgreSQL's 65,535.
    static let deliveriesPerStatement = 256

    /// Inserts deliveries with distinct ids in one statement; the trigger adds the jobs of those that are new.
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
        return Set(try returned.map { try $0.decode(column: "delivery_id", as: String.self) })
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

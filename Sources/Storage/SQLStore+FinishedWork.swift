import Foundation
import SQLKit

extension SQLStore {
    public func finishedWork(limit: Int) async throws -> [FinishedWork] {
        try await lender.withConnection { database in
            try await database.raw("""
                SELECT a.category, a.complexity, t.accepted_at, t.submitted_at FROM tasks t JOIN task_analyses a ON a.task_id = t.id
                WHERE t.accepted_at IS NOT NULL AND t.submitted_at IS NOT NULL AND t.submitted_at >= t.accepted_at
                ORDER BY t.submitted_at DESC, t.id LIMIT \(bind: limit)
                """).all().map { row in
                FinishedWork(category: try row.decode(column: "category", as: String.self), complexity: try row.decode(column: "complexity", as: Int.self),
                             acceptedAt: Clock.date(try row.decode(column: "accepted_at", as: Int64.self)),
                             submittedAt: Clock.date(try row.decode(column: "submitted_at", as: Int64.self)))
            }
        }
    }
}

import Foundation
import PFBotCore
import SQLKit

extension SQLStore {
    public func chosenPack(task: TaskID) async throws -> ChosenPackRecord? {
        try await lender.withConnection { database in
            guard let row = try await database.raw("""
                SELECT pack, origin, reason, chosen_at FROM task_packs WHERE task_id = \(bind: task.rawValue)
                """).first() else { return nil }
            return ChosenPackRecord(task: task, pack: try row.decode(column: "pack", as: String.self), origin: try row.decode(column: "origin", as: String.self),
                                    reason: try row.decode(column: "reason", as: String.self),
                                    chosenAt: Clock.date(try row.decode(column: "chosen_at", as: Int64.self)))
        }
    }

    public func recordChosenPack(_ choice: ChosenPackRecord) async throws {
        try await lender.withConnection { database in
            try await database.raw("""
                INSERT INTO task_packs (task_id, pack, origin, reason, chosen_at)
                VALUES (\(bind: choice.task.rawValue), \(bind: choice.pack), \(bind: choice.origin), \(bind: choice.reason), \(bind: Clock.millis(choice.chosenAt)))
                ON CONFLICT (task_id) DO UPDATE SET pack = excluded.pack, origin = excluded.origin, reason = excluded.reason, chosen_at = excluded.chosen_at
                """).run()
        }
    }
}

import Foundation
import PFBotCore
import SQLKit

extension SQLStore {
    public func recordRewardPayment(_ payment: RewardPaymentRecord) async throws {
        try await lender.withConnection { database in
            try await database.raw("""
                INSERT INTO reward_payments (task_id, payment_hash, expected_drops, destination, status, ledger_index, detail, reported_at, checked_at)
                VALUES (\(bind: payment.task.rawValue), \(bind: payment.paymentHash), \(bind: payment.expectedDrops), \(bind: payment.destination),
                        \(bind: payment.status.rawValue), \(bind: payment.ledgerIndex), \(bind: payment.detail), \(bind: Clock.millis(payment.reportedAt)),
                        \(bind: payment.checkedAt.map(Clock.millis)))
                ON CONFLICT (task_id) DO NOTHING
                """).run()
        }
    }

    public func updateRewardPayment(task: TaskID, status: RewardPaymentRecord.Status, ledgerIndex: Int64?, detail: String?,
                                    checkedAt: Date) async throws {
        try await lender.withConnection { database in
            try await database.raw("""
                UPDATE reward_payments SET status = \(bind: status.rawValue), ledger_index = \(bind: ledgerIndex), detail = \(bind: detail),
                    checked_at = \(bind: Clock.millis(checkedAt))
                WHERE task_id = \(bind: task.rawValue)
                """).run()
        }
    }

    public func rewardPayment(task: TaskID) async throws -> RewardPaymentRecord? {
        try await lender.withConnection { database in
            try await database.raw("SELECT * FROM reward_payments WHERE task_id = \(bind: task.rawValue)").first().map(Self.decodePayment)
        }
    }

    public func rewardPayments(hash: String) async throws -> [RewardPaymentRecord] {
        try await lender.withConnection { database in
            try await database.raw("SELECT * FROM reward_payments WHERE payment_hash = \(bind: hash) ORDER BY reported_at, task_id")
                .all().map(Self.decodePayment)
        }
    }

    public func rewardPayments(status: RewardPaymentRecord.Status) async throws -> [RewardPaymentRecord] {
        try await lender.withConnection { database in
            try await database.raw("SELECT * FROM reward_payments WHERE status = \(bind: status.rawValue) ORDER BY reported_at, task_id")
                .all().map(Self.decodePayment)
        }
    }

    public func saveTaskNodeRewardDays(_ days: [TaskNodeRewardDay]) async throws {
        guard !days.isEmpty else { return }
        try await lender.withConnection { database in
            for day in days {
                try await database.raw("""
                    INSERT INTO tasknode_reward_days (day, drops, fetched_at) VALUES (\(bind: day.day), \(bind: day.drops), \(bind: Clock.millis(day.fetchedAt)))
                    ON CONFLICT (day) DO UPDATE SET drops = excluded.drops, fetched_at = excluded.fetched_at
                    """).run()
            }
        }
    }

    public func taskNodeRewardDays() async throws -> [TaskNodeRewardDay] {
        try await lender.withConnection { database in
            try await database.raw("SELECT day, drops, fetched_at FROM tasknode_reward_days ORDER BY day").all().map { row in
                TaskNodeRewardDay(day: try row.decode(column: "day", as: String.self), drops: try row.decode(column: "drops", as: Int64.self),
                                  fetchedAt: Clock.date(try row.decode(column: "fetched_at", as: Int64.self)))
            }
        }
    }

    private static func decodePayment(_ row: any SQLRow) throws -> RewardPaymentRecord {
        let id = try row.decode(column: "task_id", as: String.self)
        let statusText = try row.decode(column: "status", as: String.self)
        guard let status = RewardPaymentRecord.Status(rawValue: statusText) else {
            throw StoreError.corruptRow(table: "reward_payments", key: id, reason: "unknown status \(statusText)")
        }
        return RewardPaymentRecord(
            task: try TaskID(id), paymentHash: try row.decode(column: "payment_hash", as: String.self),
            expectedDrops: try row.decode(column: "expected_drops", as: Int64.self), destination: try row.decode(column: "destination", as: String.self),
            status: status, ledgerIndex: try row.decode(column: "ledger_index", as: Int64?.self), detail: try row.decode(column: "detail", as: String?.self),
            reportedAt: Clock.date(try row.decode(column: "reported_at", as: Int64.self)),
            checkedAt: try row.decode(column: "checked_at", as: Int64?.self).map(Clock.date))
    }
}

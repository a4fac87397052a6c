import Foundation
import PFBotCore
import Storage
import Testing

/// `reward_payments` and `tasknode_reward_days` (migration 007), on both engines.
@Suite struct RewardPaymentStoreTests {
    let now = Date(timeIntervalSince1970: 1_790_000_000)

    @Test(arguments: Engine.allCases)
    func rewardPayment_keepsTheFirstReport_andRecordsWhatTheLedgerSays(engine: Engine) async throws {
        try await withStore(engine) { store, _ in
            let task = try sampleTask()
            try await store.saveTask(TaskRecord(task: task), source: "tasknode")
            let payment = RewardPaymentRecord(task: task.id, paymentHash: "AB12", expectedDrops: 120_000_000, destination: "rWallet", reportedAt: now)
            try await store.recordRewardPayment(payment)
            var again = payment
            again.paymentHash = "CD34"
            try await store.recordRewardPayment(again)
            #expect(try await store.rewardPayment(task: task.id) == payment)
            #expect(try await store.rewardPayments(status: .pending) == [payment])

            try await store.updateRewardPayment(task: task.id, status: .confirmed, ledgerIndex: 42, detail: nil, checkedAt: now.addingTimeInterval(5))
            let confirmed = try #require(try await store.rewardPayment(task: task.id))
            #expect(confirmed.status == .confirmed)
            #expect(confirmed.ledgerIndex == 42)
            #expect(confirmed.checkedAt == now.addingTimeInterval(5))
            #expect(try await store.rewardPayments(status: .pending).isEmpty)
        }
    }

    @Test(arguments: Engine.allCases)
    func taskNodeRewardDays_areReplacedPerDay(engine: Engine) async throws {
        try await withStore(engine) { store, _ in
            try await store.saveTaskNodeRewardDays([
                TaskNodeRewardDay(day: "2026-12-02", drops: 5_000_000, fetchedAt: now),
                TaskNodeRewardDay(day: "2026-12-01", drops: 0, fetchedAt: now),
            ])
            try await store.saveTaskNodeRewardDays([TaskNodeRewardDay(day: "2026-12-02", drops: 7_000_000, fetchedAt: now.addingTimeInterval(60))])
            let days = try await store.taskNodeRewardDays()
            #expect(days.map(\.day) == ["2026-12-01", "2026-12-02"])
            #expect(days.last?.drops == 7_000_000)
            #expect(days.last?.fetchedAt == now.addingTimeInterval(60))
        }
    }
}

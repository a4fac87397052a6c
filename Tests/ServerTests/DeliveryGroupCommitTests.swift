import Foundation
import PFBotTestSupport
import Server
import Storage
import Testing

@Suite struct DeliveryGroupCommitTests {
    /// Records the batches a fake store was given; the first write waits until the test opens the gate.
    actor FakeInbox {
        private(set) var batches: [[String]] = []
        private var gateOpen = false
        private var gateWaiters: [CheckedContinuation<Void, Never>] = []
        let failingID: String?

        init(failingID: String? = nil) { self.failingID = failingID }

        func write(_ deliveries: [Delivery]) async throws -> [Bool] {
            batches.append(deliveries.map(\.id))
            if batches.count == 1, !gateOpen {
                await withCheckedContinuation { gateWaiters.append($0) }
            }
            if let failingID, deliveries.contains(where: { $0.id == failingID }) { throw FakeInboxError.diskFull }
            return deliveries.map { _ in true }
        }

        func openGate() {
            gateOpen = true
            for waiter in gateWaiters { waiter.resume() }
            gateWaiters = []
        }
    }

    enum FakeInboxError: Error { case diskFull }

    static func delivery(_ id: String) -> Delivery {
        Delivery(id: id, event: "issues", action: "opened", body: Array("{}".utf8), receivedAt: Date(timeIntervalSince1970: 1_790_000_000))
    }

    /// Waits (up to 5 s) until `condition` holds.
    func eventually(_ condition: @Sendable () async -> Bool) async throws {
        for _ in 0..<5000 where !(await condition()) {
            try await Task.sleep(for: .milliseconds(1))
        }
        #expect(await condition())
    }

    /// Sends `d-0`, waits until its write has started, sends `d-1`…`d-<count>` while it hangs, then lets it finish.
    func recordDuringAHangingWrite(_ inbox: FakeInbox, committer: DeliveryGroupCommit, count: Int) async throws -> [Result<Bool, any Error>] {
        let first = Task { try await committer.record(Self.delivery("d-0")) }
        try await eventually { await inbox.batches.count == 1 }
        let rest = (1...count).map { index in Task { try await committer.record(Self.delivery("d-\(index)")) } }
        try await eventually { await committer.pendingCount == count }
        await inbox.openGate()
        var results = [await first.result]
        for task in rest { results.append(await task.result) }
        return results
    }

    @Test func deliveriesArrivingDuringAWrite_areWrittenTogether_inTheNextTransaction() async throws {
        let inbox = FakeInbox()
        let committer = DeliveryGroupCommit(batchLimit: 256) { try await inbox.write($0) }
        let results = try await recordDuringAHangingWrite(inbox, committer: committer, count: 10)
        #expect(results.allSatisfy { (try? $0.get()) == true })
        let batches = await inbox.batches
        #expect(batches.map(\.count) == [1, 10])
        #expect(Set(batches[1]) == Set((1...10).map { "d-\($0)" }))
        #expect(await committer.pendingCount == 0)
    }

    @Test func batchLimit_capsHowManyDeliveriesShareATransaction() async throws {
        let inbox = FakeInbox()
        let committer = DeliveryGroupCommit(batchLimit: 4) { try await inbox.write($0) }
        _ = try await recordDuringAHangingWrite(inbox, committer: committer, count: 10)
        #expect(await inbox.batches.map(\.count) == [1, 4, 4, 2])
    }

    @Test func aFailedTransaction_failsEveryDeliveryInIt_andTheNextBatchStillGetsThrough() async throws {
        let inbox = FakeInbox(failingID: "d-3")
        let committer = DeliveryGroupCommit(batchLimit: 256) { try await inbox.write($0) }
        let results = try await recordDuringAHangingWrite(inbox, committer: committer, count: 5)
        #expect((try? results[0].get()) == true)
        for result in results.dropFirst() {
            #expect(throws: FakeInboxError.self) { try result.get() }
        }
        #expect(try await committer.record(Self.delivery("d-6")))
        #expect(await inbox.batches.map(\.count) == [1, 5, 1])
    }

    @Test func aStoreAnsweringTheWrongNumberOfResults_failsTheBatch() async throws {
        let committer = DeliveryGroupCommit { _ in [] }
        await #expect(throws: DeliveryGroupCommitError.self) { try await committer.record(Self.delivery("d-1")) }
    }

    @Test func overARealStore_concurrentCopiesOfADelivery_areStoredOnce() async throws {
        let directory = try TemporaryDirectory(prefix: "pfbot-group-commit")
        defer { directory.remove() }
        let store = try await StoreFactory.open(.sqlite(path: directory.file("pfbot.sqlite")))
        let committer = DeliveryGroupCommit(store: store)
        do {
            let outcomes = try await withThrowingTaskGroup(of: (String, Bool).self) { group in
                for index in 0..<60 {
                    let id = "d-\(index % 20)"
                    group.addTask { (id, try await committer.record(Self.delivery(id))) }
                }
                var all: [(String, Bool)] = []
                for try await outcome in group { all.append(outcome) }
                return all
            }
            let newIDs = outcomes.filter(\.1).map(\.0)
            #expect(newIDs.count == 20)
            #expect(Set(newIDs).count == 20)
            #expect(try await store.jobCounts()[.queued] == 20)
        } catch {
            try? await store.close()
            throw error
        }
        try await store.close()
    }
}

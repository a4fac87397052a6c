import Foundation
import Logging
import PFBotTestSupport
import Storage
import Testing
@testable import pfbot

/// `pfbot serve`'s scheduler lease, kept apart from the work it guards: a pass longer than the lease does not lose it,
/// and a lease taken by another replica stops the work until it comes back.
@Suite struct SchedulerLeaseTests {
    // Long enough that a renewal every third of it holds on a loaded machine (CI runs many suites at once).
    static let seconds = 6.0

    @Test func workLongerThanTheLease_keepsIt_whileAnotherReplicaTries() async throws {
        try await withStores { holder, other in
            let started = Collected<Date>()
            let keeper = _Concurrency.Task {
                await SchedulerLease(store: holder, holder: "a", seconds: Self.seconds, logger: Logger(label: "test")).keep {
                    started.append(Date())
                    try? await _Concurrency.Task.sleep(for: .seconds(60))
                }
            }
            try await waitUntil { started.count == 1 }
            // Two lease lengths while the one pass runs: the other replica never gets the lease.
            for _ in 0..<18 {
                #expect(try await !other.acquireLease(SchedulerLease.name, holder: "b", duration: Self.seconds, now: Date()))
                try await _Concurrency.Task.sleep(for: .milliseconds(700))
            }
            keeper.cancel()
            await keeper.value
            #expect(started.count == 1)
        }
    }

    @Test func leaseTakenByAnother_cancelsTheWork_untilItIsHeldAgain() async throws {
        try await withStores { holder, other in
            let events = Collected<String>()
            let keeper = _Concurrency.Task {
                await SchedulerLease(store: holder, holder: "a", seconds: Self.seconds, logger: Logger(label: "test")).keep {
                    events.append("started")
                    try? await _Concurrency.Task.sleep(for: .seconds(60))
                    events.append(_Concurrency.Task.isCancelled ? "cancelled" : "finished")
                }
            }
            try await waitUntil { events.count == 1 }
            // As if "a" had stopped renewing long ago: "b" takes the lease over, and "a" finds out at its next renewal.
            #expect(try await other.acquireLease(SchedulerLease.name, holder: "b", duration: 3600, now: Date().addingTimeInterval(3600)))
            try await waitUntil { events.count == 2 }
            #expect(events.all == ["started", "cancelled"])
            try await other.releaseLease(SchedulerLease.name, holder: "b")
            try await waitUntil { events.count == 3 }
            #expect(events.all == ["started", "cancelled", "started"])
            keeper.cancel()
            await keeper.value
            #expect(events.all == ["started", "cancelled", "started", "cancelled"])
        }
    }

    /// Two stores on one SQLite file, as two replicas would open it.
    private func withStores(_ body: (SQLStore, SQLStore) async throws -> Void) async throws {
        let directory = try TemporaryDirectory(prefix: "pfbot-lease")
        defer { directory.remove() }
        let first = try await StoreFactory.open(.sqlite(path: directory.file("pfbot.sqlite")))
        let second = try await StoreFactory.open(.sqlite(path: directory.file("pfbot.sqlite")))
        do {
            try await body(first, second)
        } catch {
            try? await first.close()
            try? await second.close()
            throw error
        }
        try await first.close()
        try await second.close()
    }

    private func waitUntil(_ condition: () -> Bool) async throws {
        let deadline = Date().addingTimeInterval(10)
        while !condition() {
            guard Date() < deadline else { throw FixtureError.missing("the scheduler lease did not get there within 10 s") }
            try await _Concurrency.Task.sleep(for: .milliseconds(20))
        }
    }
}

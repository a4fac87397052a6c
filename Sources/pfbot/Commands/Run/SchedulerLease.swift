import Foundation
import Logging
import Metrics
import Storage

/// The `scheduler` lease as one replica keeps it: tried every third of its TTL, whatever the sync passes are doing, so a
/// long pass never lets it lapse, and a replica that dies loses it to another within the TTL. The work it guards runs
/// only while this replica holds the lease: it starts when the lease is taken and is cancelled when a renewal fails or
/// finds another holder. `pfbot_scheduler_lease_held` is 1 on the holder, 0 elsewhere.
struct SchedulerLease {
    static let name = "scheduler"
    let store: any Store
    /// This replica's name in the `leases` table.
    let holder: String
    /// Seconds the lease lasts unrenewed (`server.scheduler_lease_seconds`).
    let seconds: Double
    let logger: Logger

    /// Keeps the lease until the task is cancelled, running `work` while it is held (a fresh run after each
    /// acquisition). On cancellation `work` is cancelled and awaited; releasing the lease is left to the caller.
    func keep(whileHeld work: @escaping @Sendable () async -> Void) async {
        let gauge = Gauge(label: "pfbot_scheduler_lease_held")
        gauge.record(0)
        var running: Task<Void, Never>?
        while !Task.isCancelled {
            let holds = await renew(heldBefore: running != nil)
            if holds, running == nil {
                logger.info("scheduler lease acquired by \(holder) (TTL \(Int(seconds)) s): this replica now polls the Task Node and reconciles")
                gauge.record(1)
                running = Task { await work() }
            } else if !holds, let task = running {
                task.cancel()
                await task.value
                running = nil
                gauge.record(0)
            }
            try? await Task.sleep(for: .seconds(seconds / 3))
        }
        running?.cancel()
        await running?.value
        gauge.record(0)
    }

    /// Takes or renews the lease; a failure counts as not holding it, so a replica cut off from the database stops
    /// polling before its lease can pass to another.
    private func renew(heldBefore: Bool) async -> Bool {
        do {
            let holds = try await store.acquireLease(Self.name, holder: holder, duration: seconds, now: Date())
            if heldBefore, !holds {
                logger.info("scheduler lease lost by \(holder): another replica took it over; this replica stops polling until it holds the lease again")
            }
            return holds
        } catch {
            if heldBefore {
                logger.info("scheduler lease lost by \(holder): it could not be renewed (\(error)); this replica stops polling until it holds the lease again")
            } else {
                logger.debug("cannot take the scheduler lease: \(error)")
            }
            return false
        }
    }
}

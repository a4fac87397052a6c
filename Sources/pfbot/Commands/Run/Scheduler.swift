import Foundation
import Logging
import Pipeline

/// Polls the Task Node and reconciles GitHub on the configured interval (or the Task Node's `nextPollMs` hint, never
/// faster than 2.5 s), on the one replica holding the `scheduler` lease. The lease is kept by ``SchedulerLease`` apart
/// from the passes, so a pass longer than the lease does not lose it, and a pass under way when the lease is lost is
/// cancelled.
struct Scheduler {
    let assembly: BotAssembly
    let logger: Logger

    func run() async {
        let lease = SchedulerLease(store: assembly.store, holder: ProcessIdentity.name,
                                   seconds: Double(assembly.configuration.server.schedulerLeaseSeconds), logger: logger)
        await lease.keep { [self] in await runPasses() }
    }

    /// Sync passes until cancelled; the first after each acquisition is a full one (reconcile, redeliver, prune), so a
    /// replica taking over catches up at once.
    private func runPasses() async {
        let interval = Double(assembly.configuration.taskNode.pollIntervalSeconds)
        var passes = 0
        while !Task.isCancelled {
            var wait = interval
            do {
                let full = passes % 10 == 0
                let outcome = try await assembly.syncPass.run(SyncPass.Steps(reconcile: full, redeliver: full, runJobs: false, prune: full))
                if let hint = outcome.nextPollSeconds { wait = max(2.5, min(interval, hint)) }
                passes += 1
            } catch {
                if Task.isCancelled { return }
                logger.error("sync pass failed: \(error); next try in \(Int(interval)) s")
            }
            let jitter = Double.random(in: 0...(wait * 0.1))
            try? await Task.sleep(for: .seconds(wait + jitter))
        }
    }
}

import Foundation
import Logging
import Pipeline

/// Polls the Task Node and reconciles GitHub on the configured interval (or the Task Node's `nextPollMs` hint, never
/// faster than 2.5 s), on the one replica holding the lease.
struct Scheduler {
    static let leaseName = "scheduler"
    let assembly: BotAssembly
    let logger: Logger

    func run() async {
        let interval = Double(assembly.configuration.taskNode.pollIntervalSeconds)
        var passes = 0
        while !Task.isCancelled {
            var wait = interval
            do {
                if try await assembly.store.acquireLease(Self.leaseName, holder: ProcessIdentity.name, duration: interval * 3, now: Date()) {
                    let full = passes % 10 == 0
                    let outcome = try await assembly.syncPass.run(SyncPass.Steps(reconcile: full, redeliver: full, runJobs: false, prune: full))
                    if let hint = outcome.nextPollSeconds { wait = max(2.5, min(interval, hint)) }
                    passes += 1
                }
            } catch {
                logger.error("sync pass failed: \(error); next try in \(Int(interval)) s")
            }
            let jitter = Double.random(in: 0...(wait * 0.1))
            try? await Task.sleep(for: .seconds(wait + jitter))
        }
    }
}

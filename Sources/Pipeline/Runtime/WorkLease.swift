import Foundation
import Logging
import Storage

/// A named lease in the store around one piece of work, so one holder at a time does it across workers, processes
/// and replicas (opening a task's issue, writing its QC report comment). The lease is renewed every third of its
/// length while the work runs, so it never runs out under a live holder, and released afterwards; a holder that is
/// killed leaves it to run out.
struct WorkLease {
    /// The lease's name, e.g. `issue:<task id>`.
    let name: String
    /// How long the lease lasts without renewal, in seconds.
    let seconds: Double
    /// The work in words, for ``HeldElsewhere``: "opening the issue of task_…".
    let work: String
    let context: PipelineContext

    /// Another job or process holds the lease and is doing the work right now; a job meeting it waits (without using an
    /// attempt: ``WorkInProgressElsewhere``) and then finds what the holder did.
    struct HeldElsewhere: WorkInProgressElsewhere, CustomStringConvertible {
        let work: String
        var wait: Duration { .seconds(15) }

        var description: String {
            "another job is \(work) right now; this job waits and then goes on from what that job did"
        }
    }

    /// Runs `work` holding the lease, asking for it again every 250 ms for up to `wait` while another holder has it.
    /// - Throws: ``HeldElsewhere`` when another holder kept the lease for the whole wait; the work's error otherwise.
    func run<T: Sendable>(waiting wait: Duration = .zero, _ body: () async throws -> T) async throws -> T {
        let holder = UUID().uuidString
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: wait)
        while try await !context.store.acquireLease(name, holder: holder, duration: seconds, now: context.now()) {
            guard clock.now < deadline else { throw HeldElsewhere(work: work) }
            try await Task.sleep(for: .milliseconds(250))
        }
        let renewal = Task { [store = context.store, now = context.now, logger = context.logger, name, seconds] in
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(seconds / 3))
                guard !Task.isCancelled else { return }
                if (try? await store.acquireLease(name, holder: holder, duration: seconds, now: now())) == false {
                    logger.warning("the lease \(name) was taken over while this job held it; check the database's latency")
                }
            }
        }
        defer { renewal.cancel() }
        do {
            let result = try await body()
            try? await context.store.releaseLease(name, holder: holder)
            return result
        } catch {
            try? await context.store.releaseLease(name, holder: holder)
            throw error
        }
    }
}

import Foundation
import Logging
import Metrics
import PFBotCore
import Storage

/// Runs queued jobs: claims them with a lease, dispatches to the handler for their kind, records success,
/// retries failures with backoff, buries permanent failures, and on shutdown hands an interrupted job back to
/// the queue without counting the attempt.
public struct JobRunner: Sendable {
    let store: any Store
    let handlers: [String: any JobHandler]
    let workerName: String
    let lease: Double
    let idleDelay: Duration
    let wakeup: JobWakeup?
    let now: @Sendable () -> Date
    let logger: Logger

    /// - Parameters:
    ///   - store: where jobs are queued.
    ///   - handlers: one per job kind; a job whose kind has no handler is buried with an explanation.
    ///   - workerName: names this process in claims (host and pid are a good choice).
    ///   - lease: seconds a claim lasts; renewed every third of it while the job runs, so only a worker that died (or
    ///     lost the database) loses its job to another, after this.
    ///   - idleDelay: wait between polls when no job is due.
    ///   - wakeup: ends an idle wait early when work arrives (the webhook inbox signals it).
    ///   - now: the clock.
    public init(
        store: any Store, handlers: [any JobHandler], workerName: String, lease: Double = 300, idleDelay: Duration = .milliseconds(250),
        wakeup: JobWakeup? = nil, now: @escaping @Sendable () -> Date = Date.init, logger: Logger = Logger(label: "pfbot.jobs")
    ) {
        self.store = store
        var byKind: [String: any JobHandler] = [:]
        for handler in handlers {
            for kind in handler.kinds { byKind[kind] = handler }
        }
        self.handlers = byKind
        self.workerName = workerName
        self.lease = lease
        self.idleDelay = idleDelay
        self.wakeup = wakeup
        self.now = now
        self.logger = logger
    }

    /// What became of one claimed job.
    public enum Outcome: String, Sendable, Equatable {
        /// `done`: handled; `retrying`: failed, queued again with backoff; `dead`: failed for good (or out of attempts);
        /// `released`: interrupted, handed back unfinished; `postponed`: another holder is doing its work, queued again
        /// without counting the attempt.
        case done, retrying, dead, released, postponed
    }

    /// Claims and runs one due job of a kind this runner handles.
    /// - Returns: the outcome, or `nil` when no job was due.
    public func runOne(lane: Int = 0) async throws -> Outcome? {
        guard let job = try await store.claimJob(worker: "\(workerName)#\(lane)", kinds: Set(handlers.keys), lease: lease, now: now()) else {
            return nil
        }
        let started = ContinuousClock.now
        let outcome = await execute(job)
        let elapsed = ContinuousClock.now - started
        Counter(label: "pfbot_jobs_total", dimensions: [("kind", job.kind), ("outcome", outcome.rawValue)]).increment()
        Timer(label: "pfbot_job_duration_seconds", dimensions: [("kind", job.kind)], preferredDisplayUnit: .seconds).record(duration: elapsed)
        return outcome
    }

    /// Runs jobs until none is due; returns how many ran. For one-shot modes (`pfbot action`) and tests. Stops with
    /// `CancellationError` between jobs once its task is cancelled, so a job handed back by a cancelled run is not
    /// claimed again and again.
    @discardableResult
    public func drain(limit: Int = 10_000) async throws -> Int {
        var count = 0
        while count < limit {
            try Task.checkCancellation()
            guard try await runOne() != nil else { break }
            count += 1
        }
        return count
    }

    /// Runs `workers` loops until the surrounding task is cancelled. A job running at cancellation is finished or
    /// released; store errors are logged and retried after a pause, so a database blip does not stop the workers.
    public func run(workers: Int) async {
        await withTaskGroup(of: Void.self) { group in
            for lane in 0..<max(workers, 1) {
                group.addTask { await self.loop(lane: lane) }
            }
        }
    }

    private func loop(lane: Int) async {
        while !Task.isCancelled {
            do {
                let ticket = wakeup?.ticket()
                if try await runOne(lane: lane) == nil {
                    if let wakeup, let ticket {
                        await wakeup.wait(after: ticket, timeout: idleDelay)
                        try Task.checkCancellation()
                    } else {
                        try await Task.sleep(for: idleDelay)
                    }
                }
            } catch is CancellationError {
                return
            } catch {
                logger.error("job queue unavailable: \(error); retrying in 5 s")
                try? await Task.sleep(for: .seconds(5))
            }
        }
    }

    private func execute(_ job: Job) async -> Outcome {
        guard let handler = handlers[job.kind] else {
            return await record(job, .dead) {
                try await store.buryJob(job.id, error: "no handler for job kind \(job.kind); this pfbot version cannot run it", now: now())
            }
        }
        do {
            try await renewingClaim(on: job) { try await handler.handle(job) }
        } catch is CancellationError {
            return await record(job, .released) { try await store.releaseJob(job.id) }
        } catch let busy as any WorkInProgressElsewhere {
            logger.info("job \(job.id) (\(job.kind)) waits \(Int(busy.wait.inSeconds.rounded())) s: \(busy)")
            return await record(job, .postponed) {
                try await store.postponeJob(job.id, until: now().addingTimeInterval(busy.wait.inSeconds), reason: String(describing: busy))
            }
        } catch let failure as any PermanentJobFailure {
            logger.error("job \(job.id) (\(job.kind)) failed permanently: \(failure)")
            return await record(job, .dead) { try await store.buryJob(job.id, error: String(describing: failure), now: now()) }
        } catch {
            if Task.isCancelled {
                return await record(job, .released) { try await store.releaseJob(job.id) }
            }
            var outcome = Outcome.retrying
            let recorded = await record(job, .retrying) {
                if case .dead = try await store.failJob(job.id, error: String(describing: error), now: now()) { outcome = .dead }
            }
            logger.warning("job \(job.id) (\(job.kind)) attempt \(job.attempts) failed: \(error) → \(outcome.rawValue)")
            return recorded == .retrying ? outcome : recorded
        }
        return await record(job, .done) { try await store.completeJob(job.id, now: now()) }
    }

    /// Runs `work` while renewing this worker's claim on `job` every third of the lease, so a job that runs longer
    /// than one lease is not taken over (and run a second time) by another worker while this one is alive.
    private func renewingClaim(on job: Job, _ work: () async throws -> Void) async throws {
        guard let worker = job.claimedBy else { return try await work() }
        let renewal = Task { [store, lease, now, logger] in
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(lease / 3))
                if Task.isCancelled { return }
                do {
                    if try await !store.renewJobClaim(job.id, worker: worker, lease: lease, now: now()) {
                        logger.warning("job \(job.id) (\(job.kind)): its claim ran out before it could be renewed and another worker took the job over; check the database's latency and server.job_lease_seconds")
                        return
                    }
                } catch {
                    logger.warning("could not renew the claim on job \(job.id) (\(job.kind)): \(error); trying again in \(Int(lease / 3)) s")
                }
            }
        }
        defer { renewal.cancel() }
        try await work()
    }

    /// Writes the outcome; if the store is unreachable the lease simply runs out and the job runs again.
    private func record(_ job: Job, _ outcome: Outcome, _ write: () async throws -> Void) async -> Outcome {
        do {
            try await write()
        } catch {
            logger.error("could not record job \(job.id) as \(outcome.rawValue): \(error); it will run again after its lease")
        }
        return outcome
    }
}

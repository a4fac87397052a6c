import Foundation
import Storage

/// The pipeline's one way to queue work: a typed ``PipelineJob`` in, its kind, payload and de-duplication key
/// derived by the job itself.
public struct JobQueue: Sendable {
    let store: any Store
    let now: @Sendable () -> Date

    /// Creates the queue over a store.
    /// - Parameters:
    ///   - store: where jobs are kept.
    ///   - now: the clock that decides when a job is due.
    public init(store: any Store, now: @escaping @Sendable () -> Date) {
        self.store = store
        self.now = now
    }

    /// Queues `job`, due now.
    /// - Returns: `false` when a live job with the same key is already queued (nothing added).
    @discardableResult
    public func enqueue(_ job: PipelineJob) async throws -> Bool {
        try await store.enqueue(job.newJob(runAt: now())) != nil
    }
}

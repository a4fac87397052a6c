import Storage

/// Does the work of one or more kinds of stored job. ``JobRunner`` dispatches raw queue rows to these; the
/// pipeline's own handlers are ``PipelineJobHandler``s behind a ``PipelineJobDispatcher``.
public protocol JobHandler: Sendable {
    /// The job kinds this handler takes, as stored in the queue.
    var kinds: Set<String> { get }

    /// Performs the job. Throwing retries it later (with backoff) unless the error is a ``PermanentJobFailure`` (buried)
    /// or ``WorkInProgressElsewhere`` (postponed without counting the attempt).
    func handle(_ job: Job) async throws
}

/// A failure retrying cannot fix (a malformed payload, a task that no longer exists): the job becomes a
/// dead letter at once instead of being retried.
public protocol PermanentJobFailure: Error {}

/// Another job or process is doing this work right now (it holds the lease on it): the job is queued again after
/// ``wait`` without counting an attempt, so a holder that is slow, or was killed and left its lease to run out,
/// cannot use up the attempts of the jobs waiting for it.
public protocol WorkInProgressElsewhere: Error {
    /// How long to wait before asking again.
    var wait: Duration { get }
}

import Storage

/// A stage's handler of typed pipeline jobs.
protocol PipelineJobHandler: Sendable {
    /// The kinds this handler takes.
    var kinds: Set<JobKind> { get }

    /// Performs the job (always one of ``kinds``). Throwing retries it unless the error is a ``PermanentJobFailure``.
    func handle(_ job: PipelineJob) async throws
}

import Storage

/// A stage's handler of typed pipeline jobs.
protocol PipelineJobHandler: Sendable {
    /// The kinds this handler takes.
    var kinds: Set<JobKind> { get }

    /// Performs the job (always one of ``kinds``). Throwing retries it unless the error is a ``PermanentJobFailure``.
    func handle(_ job: PipelineJob) async throws
}

/// Reads each queued row as a ``PipelineJob`` once and hands it to the stage that owns its kind.
struct PipelineJobDispatcher: JobHandler {
    let handlers: [JobKind: any PipelineJobHandler]

    init(_ handlers: [any PipelineJobHandler]) {
        var byKind: [JobKind: any PipelineJobHandler] = [:]
        for handler in handlers {
            for kind in handler.kinds { byKind[kind] = handler }
        }
        self.handlers = byKind
    }

    var kinds: Set<String> { Set(handlers.keys.map(\.rawValue)) }

    func handle(_ job: Job) async throws {
        let typed = try PipelineJob(job)
        guard let handler = handlers[typed.kind] else { throw MalformedJob(job: job.id, kind: job.kind) }
        try await handler.handle(typed)
    }
}

/// A handler was given a job of a kind it does not take: a wiring mistake, never retried.
struct MisroutedJob: PermanentJobFailure, CustomStringConvertible {
    var kind: JobKind
    var handler: String
    var description: String { "\(handler) cannot run \(kind.rawValue) jobs; this pfbot build is wired wrongly — report it" }
}

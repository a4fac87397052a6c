import Storage

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

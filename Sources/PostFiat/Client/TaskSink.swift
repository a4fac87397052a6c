import PFBotCore

/// Where the pipeline writes decisions, evidence and requests to.
public protocol TaskSink: Sendable {
    /// Accepts a proposed task.
    func accept(_ id: TaskID, reason: String) async throws -> WriteReceipt
    /// Refuses a proposed task.
    func refuse(_ id: TaskID, reason: String) async throws -> WriteReceipt
    /// Cancels a task in progress.
    func cancel(_ id: TaskID, reason: String) async throws -> WriteReceipt
    /// Hands in the initial evidence of an accepted task.
    func submit(_ id: TaskID, evidence: [Evidence]) async throws -> WriteReceipt
    /// Answers the current verification prompt.
    func respondToVerification(_ id: TaskID, evidence: [Evidence]) async throws -> WriteReceipt
    /// Asks the Task Node for a new task. Requests with the same `key` (e.g. one per comment line) are one request:
    /// a repeat reuses the first one's `requestId`, which the Task Node answers once.
    func requestTask(kind: TaskKind, text: String, key: String?) async throws -> TaskRequestReceipt
}

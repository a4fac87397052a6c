import PostFiat

/// The Task Node refused a write for good (wrong state, bad input): retrying will not help.
public struct TaskNodeRefusal: PermanentJobFailure, CustomStringConvertible {
    /// The Task Node's answer.
    public var error: TaskNodeError
    /// The Task Node's error, as it describes itself.
    public var description: String { error.description }
}

/// Runs a Task Node call; final errors become ``TaskNodeRefusal`` (the job is buried), retryable ones propagate
/// (the job is retried with backoff; the client reuses the write's event id, so a retry cannot double-write).
func finalOrRetry<T: Sendable>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let error as TaskNodeError where !error.isRetryable {
        throw TaskNodeRefusal(error: error)
    }
}

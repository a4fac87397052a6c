

/// A task in an answer that could not be read.
public struct TaskProblem: Sendable, Equatable {
    /// The bucket it was in.
    public var bucket: String
    /// Its id, when it had a readable one.
    public var taskID: String?
    /// What is wrong (``TaskNodeError/invalidTask(taskID:reason:)``).
    public var error: TaskNodeError
    /// The element exactly as received.
    public var raw: LiteralJSON

    /// A problem.
    public init(bucket: String, taskID: String?, error: TaskNodeError, raw: LiteralJSON) {
        self.bucket = bucket
        self.taskID = taskID
        self.error = error
        self.raw = raw
    }
}

/// One ref the remote declined during a push, with the server's reason (e.g. `"hook declined"`).
public struct RefRejection: Sendable, Equatable {
    /// The full remote ref name, e.g. `refs/heads/pf/task-1`.
    public let ref: String
    /// The status text the server sent for the ref.
    public let reason: String

    /// Creates a rejection record.
    public init(ref: String, reason: String) {
        self.ref = ref
        self.reason = reason
    }
}

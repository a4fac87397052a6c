/// The outcome of a commit: the branch tip and whether a new commit was made.
public struct CommitResult: Sendable, Equatable {
    /// The 40-hex SHA of the branch tip after the call.
    public let sha: String
    /// `false` when the branch tip already had the resulting tree and was returned unchanged.
    public let created: Bool

    /// Creates a result.
    public init(sha: String, created: Bool) {
        self.sha = sha
        self.created = created
    }
}

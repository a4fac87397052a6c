/// A local branch of a repository and its tip.
public struct BranchInfo: Sendable, Equatable {
    /// The branch name without `refs/heads/`, e.g. `pf/task-42`.
    public let name: String
    /// The SHA of the tip commit.
    public let sha: String

    /// Creates a branch record.
    public init(name: String, sha: String) {
        self.name = name
        self.sha = sha
    }
}

import Foundation

/// A pull request.
public struct PullRequest: Codable, Sendable, Equatable {
    /// The numeric id.
    public var id: Int
    /// The number (shared with issues).
    public var number: Int
    /// `open` or `closed`.
    public var state: String
    /// The title.
    public var title: String
    /// The Markdown body; null when empty.
    public var body: String?
    /// Whether it is a draft.
    public var draft: Bool?
    /// Whether it was merged (absent in list responses).
    public var merged: Bool?
    /// Whether GitHub thinks it can merge; null while computing.
    public var mergeable: Bool?
    /// When it was merged.
    public var mergedAt: Date?
    /// The merge commit (or test merge commit while open).
    public var mergeCommitSha: String?
    /// The source branch.
    public var head: Branch
    /// The target branch.
    public var base: Branch
    /// The author.
    public var user: GitHubUser?
    /// Who merged it.
    public var mergedBy: GitHubUser?
    /// Its labels.
    public var labels: [Label]?
    /// The web page.
    public var htmlUrl: String?
    /// Creation time.
    public var createdAt: Date?
    /// Last update time.
    public var updatedAt: Date?

    /// One end of a pull request.
    public struct Branch: Codable, Sendable, Equatable {
        /// The branch name.
        public var ref: String
        /// The commit SHA.
        public var sha: String
        /// `owner:branch`.
        public var label: String?
        /// The repository; null when a fork was deleted.
        public var repo: GitHubRepository?
    }
}

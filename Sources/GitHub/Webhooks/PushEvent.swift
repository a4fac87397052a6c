import Foundation

/// `push`: commits were pushed to a branch or tag.
public struct PushEvent: Codable, Sendable, Equatable {
    /// The full ref, e.g. `refs/heads/main`.
    public var ref: String
    /// The SHA before the push.
    public var before: String
    /// The SHA after the push.
    public var after: String
    /// Whether the ref was created.
    public var created: Bool?
    /// Whether the ref was deleted.
    public var deleted: Bool?
    /// Whether it was a force push.
    public var forced: Bool?
    /// The pushed commits (up to 20).
    public var commits: [PushCommit]?
    /// The newest commit.
    public var headCommit: PushCommit?
    /// The repository.
    public var repository: GitHubRepository
    /// Who acted.
    public var sender: GitHubUser?
    /// The installation, for App deliveries.
    public var installation: InstallationRef?

    /// A pushed commit.
    public struct PushCommit: Codable, Sendable, Equatable {
        /// The SHA.
        public var id: String
        /// The message.
        public var message: String
        /// Files added.
        public var added: [String]?
        /// Files removed.
        public var removed: [String]?
        /// Files modified.
        public var modified: [String]?
    }

    /// The branch name when `ref` is a branch.
    public var branch: String? {
        ref.hasPrefix("refs/heads/") ? String(ref.dropFirst("refs/heads/".count)) : nil
    }
}

/// A path that differs between a base and a head commit.
public struct ChangedPath: Sendable, Equatable {
    /// How the path changed.
    public enum Status: String, Sendable, Equatable {
        /// New in head.
        case added
        /// Present in both with different content, mode or type.
        case modified
        /// Gone in head.
        case deleted
        /// Moved (possibly with edits); ``ChangedPath/oldPath`` holds the base path.
        case renamed
    }

    /// The path in head (for deletions, the path in base).
    public let path: String
    /// The path in base, set for renames.
    public let oldPath: String?
    /// The kind of change.
    public let status: Status

    /// Creates a changed path.
    public init(path: String, oldPath: String? = nil, status: Status) {
        self.path = path
        self.oldPath = oldPath
        self.status = status
    }
}

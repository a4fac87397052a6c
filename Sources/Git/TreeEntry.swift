/// One entry of a recursive tree listing.
public struct TreeEntry: Sendable, Equatable {
    /// What an entry is.
    public enum Kind: Sendable, Equatable {
        /// A regular file.
        case file
        /// An executable file.
        case executable
        /// A symbolic link (the blob holds the target).
        case symlink
        /// A submodule commit (a gitlink).
        case submodule
    }

    /// The path from the repository root.
    public let path: String
    /// The kind of entry.
    public let kind: Kind
    /// The raw git mode, e.g. `0o100755`.
    public let mode: UInt32
    /// The object SHA.
    public let sha: String
    /// The blob size in bytes; `nil` for submodules.
    public let size: Int?

    /// Creates an entry.
    public init(path: String, kind: Kind, mode: UInt32, sha: String, size: Int?) {
        self.path = path
        self.kind = kind
        self.mode = mode
        self.sha = sha
        self.size = size
    }
}

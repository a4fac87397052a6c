/// A libgit2 error class (`git_error_t`), kept as its raw value so unknown classes survive.
public struct LibGit2ErrorClass: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    /// The `git_error_t` value.
    public let rawValue: Int32

    /// Wraps a `git_error_t` value.
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// No error class was set.
    public static let none = LibGit2ErrorClass(rawValue: 0)
    /// An operating-system call failed.
    public static let os = LibGit2ErrorClass(rawValue: 2)
    /// A reference operation failed.
    public static let reference = LibGit2ErrorClass(rawValue: 4)
    /// The object database failed.
    public static let odb = LibGit2ErrorClass(rawValue: 9)
    /// A network transport failed.
    public static let net = LibGit2ErrorClass(rawValue: 12)
    /// TLS failed.
    public static let ssl = LibGit2ErrorClass(rawValue: 16)
    /// SSH failed.
    public static let ssh = LibGit2ErrorClass(rawValue: 23)
    /// A user callback failed.
    public static let callback = LibGit2ErrorClass(rawValue: 26)
    /// HTTP failed.
    public static let http = LibGit2ErrorClass(rawValue: 34)

    private static let names = [
        "none", "nomemory", "os", "invalid", "reference", "zlib", "repository", "config", "regex", "odb", "index",
        "object", "net", "tag", "tree", "indexer", "ssl", "submodule", "thread", "stash", "checkout", "fetchhead",
        "merge", "ssh", "filter", "revert", "callback", "cherrypick", "describe", "rebase", "filesystem", "patch",
        "worktree", "sha", "http", "internal",
    ]

    /// The class name without the `GIT_ERROR_` prefix, lowercased (e.g. `net`), or `class <n>`.
    public var description: String {
        Self.names.indices.contains(Int(rawValue)) ? Self.names[Int(rawValue)] : "class \(rawValue)"
    }

    /// Whether the class belongs to a network transport (net, TLS, SSH, HTTP).
    var isTransport: Bool { [.net, .ssl, .ssh, .http].contains(self) }
}

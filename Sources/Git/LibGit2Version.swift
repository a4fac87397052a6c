import CLibGit2

/// The libgit2 library this process runs against: its version and the optional features it was built with
/// (`git_libgit2_version`, `git_libgit2_features`).
///
/// Use it to check an installation (`pfbot doctor`) without importing the C module.
public struct LibGit2Version: Sendable, Hashable, CustomStringConvertible {
    /// Optional libgit2 features (`git_feature_t`).
    public struct Features: OptionSet, Sendable, Hashable {
        /// The `git_feature_t` bits.
        public let rawValue: Int32

        /// Wraps `git_feature_t` bits.
        public init(rawValue: Int32) { self.rawValue = rawValue }

        /// Built thread-safe (`GIT_FEATURE_THREADS`).
        public static let threads = Features(rawValue: Int32(GIT_FEATURE_THREADS.rawValue))
        /// HTTPS remotes are supported (`GIT_FEATURE_HTTPS`); pfbot needs this to reach GitHub.
        public static let https = Features(rawValue: Int32(GIT_FEATURE_HTTPS.rawValue))
        /// SSH remotes are supported (`GIT_FEATURE_SSH`).
        public static let ssh = Features(rawValue: Int32(GIT_FEATURE_SSH.rawValue))
        /// Sub-second file timestamps are used (`GIT_FEATURE_NSEC`).
        public static let nanoseconds = Features(rawValue: Int32(GIT_FEATURE_NSEC.rawValue))
    }

    /// The major version.
    public let major: Int
    /// The minor version.
    public let minor: Int
    /// The revision (patch) number.
    public let revision: Int
    /// The features compiled in.
    public let features: Features

    /// `major.minor.revision`, e.g. `1.9.0`.
    public var description: String { "\(major).\(minor).\(revision)" }

    /// The version of the libgit2 loaded in this process.
    /// - Throws: ``GitError/libgit2(_:)`` when libgit2 cannot report its version (a broken installation:
    ///   reinstall libgit2).
    public static func current() throws(GitError) -> LibGit2Version {
        var major: Int32 = 0
        var minor: Int32 = 0
        var revision: Int32 = 0
        try LibGit2Runtime.check(git_libgit2_version(&major, &minor, &revision), "read the libgit2 version")
        return LibGit2Version(major: Int(major), minor: Int(minor), revision: Int(revision),
                              features: Features(rawValue: git_libgit2_features()))
    }
}

import Foundation

/// The seam between the GitHub emulator and whatever stores the repositories' git data.
///
/// The emulator calls it to create a repository, read branch heads, and merge a pull request. The
/// in-memory implementation keeps branch SHAs only; a git-backed one can serve real bare repositories.
public protocol RepositoryHost: Sendable {
    /// Creates an empty repository whose default branch points at an initial commit; returns that commit.
    func createRepository(owner: String, name: String, defaultBranch: String) async throws -> String
    /// The commit a branch points at, or nil when the branch does not exist.
    func branchSHA(owner: String, name: String, branch: String) async throws -> String?
    /// Adds a commit on `branch` (creating the branch from `from` when missing); returns the new head.
    func commit(owner: String, name: String, branch: String, from: String?, message: String) async throws -> String
    /// Merges `head` into `base` with a merge commit; returns the merge commit.
    func merge(owner: String, name: String, head: String, base: String, message: String) async throws -> String
    /// The file at `path` in the tree of `ref` (a branch or a commit), or nil when there is none.
    func file(owner: String, name: String, ref: String, path: String) async throws -> HostedFile?
    /// The paths that changed from commit `from` (nil: from nothing) to commit `to`.
    func changes(owner: String, name: String, from: String?, to: String) async throws -> HostedChanges
}

/// A file read from a hosted repository.
public struct HostedFile: Sendable, Equatable {
    /// The file's bytes.
    public var content: Data
    /// Its git blob id.
    public var blobSHA: String
}

/// The paths a push changed, as a push webhook lists them.
public struct HostedChanges: Sendable, Equatable {
    /// Paths added.
    public var added: [String] = []
    /// Paths removed.
    public var removed: [String] = []
    /// Paths modified.
    public var modified: [String] = []
}

import Foundation

/// The git operations pfbot's pipeline needs: mirror a repository, commit rendered files to a task branch
/// without a working tree, push and fetch with a token, and read what is on a branch for quality control.
///
/// Refs (`ref`, `base`, `head`) accept anything git's revision syntax does: a branch (`main`), a full ref
/// (`refs/pull/7/head`), a SHA or an expression such as `main~1`.
///
/// ```swift
/// let git: any GitWorkspace = LibGit2Workspace(dataDirectory: data)
/// let repo = try await git.mirror(remoteURL: "https://github.com/acme/site.git", token: token)
/// let result = try await git.commit(CommitRequest(base: "main", branch: "pf/task-42", files: files,
///                                                 message: "Scaffold task 42", author: bot), in: repo)
/// try await git.push(in: repo, branches: ["pf/task-42"], force: false, token: token)
/// ```
public protocol GitWorkspace: Sendable {
    /// Returns the local bare mirror of `remoteURL`, cloning it on first use and fetching it afterwards.
    /// - Parameters:
    ///   - remoteURL: `https://…`, `http://…` or `file://…` URL ending in `<owner>/<name>[.git]`.
    ///   - token: a GitHub token sent as `x-access-token:<token>` basic auth, or `nil` for none.
    /// - Returns: a handle naming the mirror.
    /// - Throws: ``GitError``.
    func mirror(remoteURL: String, token: String?) async throws -> MirrorHandle

    /// Fetches all branches, tags and pull-request refs of the mirror's remote (forced, never pruning local branches).
    func fetch(in repository: MirrorHandle, token: String?) async throws

    /// Commits files on top of a base without a working tree and points `refs/heads/<branch>` at the commit.
    ///
    /// When the branch exists, the files are written on top of its tip (which becomes the parent); otherwise on
    /// top of `request.base`. When the resulting tree equals the branch tip's tree, no commit is made and the tip
    /// is returned with `created == false`.
    /// - Returns: the branch tip and whether it is new.
    /// - Throws: ``GitError/invalidPath(path:problem:)``, ``GitError/pathCollision(path:existing:)``,
    ///   ``GitError/referenceNotFound(_:)``, ``GitError/invalidBranchName(_:)`` and others.
    func commit(_ request: CommitRequest, in repository: MirrorHandle) async throws -> CommitResult

    /// Commits several requests in one pass, in order (a later request for the same branch builds on the
    /// earlier one's commit), storing the new objects as one packfile. Each request behaves as in
    /// ``commit(_:in:)``; branches move only after every commit is built and stored, so an invalid request
    /// leaves every branch where it was.
    /// - Returns: one result per request, in order.
    func commitBatch(_ requests: [CommitRequest], in repository: MirrorHandle) async throws -> [CommitResult]

    /// Pushes local branches to the same names on the mirror's remote.
    /// - Parameters:
    ///   - branches: branch names without `refs/heads/`.
    ///   - force: force-push; allowed only when every branch starts with `pf/`.
    ///   - token: a GitHub token, or `nil`.
    /// - Throws: ``GitError/authenticationFailed(url:)``, ``GitError/nonFastForward(refs:)``,
    ///   ``GitError/pushRejected(_:)``, ``GitError/network(url:message:)``, ``GitError/forcePushRefused(branch:requiredPrefix:)``.
    func push(in repository: MirrorHandle, branches: [String], force: Bool, token: String?) async throws

    /// Resolves a ref to the 40-hex SHA of the commit it names.
    func resolve(in repository: MirrorHandle, ref: String) async throws -> String

    /// The bytes of the file at `path` in the tree of `ref`, or `nil` when there is no such path.
    func readFile(in repository: MirrorHandle, ref: String, path: String) async throws -> Data?

    /// Every file, executable, symlink and submodule in the tree of `ref`, depth first in git order.
    func listTree(in repository: MirrorHandle, ref: String) async throws -> [TreeEntry]

    /// The paths changed on `head` since it left `base` (diff from their merge base to `head`, as a pull
    /// request shows it), with renames detected.
    func diff(in repository: MirrorHandle, base: String, head: String) async throws -> [ChangedPath]

    /// The best common ancestor of two refs, or `nil` when their histories are unrelated.
    func mergeBase(in repository: MirrorHandle, _ first: String, _ second: String) async throws -> String?

    /// How many commits `branch` has that `base` lacks (ahead) and the reverse (behind).
    func aheadBehind(in repository: MirrorHandle, branch: String, base: String) async throws -> AheadBehind

    /// Local branches whose name starts with `prefix` (e.g. `pf/`), sorted by name.
    func branches(in repository: MirrorHandle, prefix: String) async throws -> [BranchInfo]
}

extension GitWorkspace {
    /// Commits `files` to `branch`; see ``commit(_:in:)``.
    /// - Returns: the branch tip and whether it is new.
    public func commitFiles(
        in repository: MirrorHandle,
        base: String,
        branch: String,
        files: [GitFile],
        message: String,
        author: GitSignature,
        committer: GitSignature? = nil,
        trailers: [CommitTrailer] = []
    ) async throws -> CommitResult {
        let request = CommitRequest(
            base: base, branch: branch, files: files, message: message,
            author: author, committer: committer, trailers: trailers
        )
        return try await commit(request, in: repository)
    }
}

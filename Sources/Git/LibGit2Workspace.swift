import CLibGit2
import Foundation

/// ``GitWorkspace`` over libgit2, keeping one bare mirror per repository under `<data>/repos/<owner>/<name>.git`.
///
/// Concurrency model: the workspace is a `Sendable` value holding only paths, a clock and a lock table. Each
/// call runs its libgit2 work on a dedicated thread (``BlockingExecutor``) that opens the repository, does the
/// work and frees every handle before returning, so no libgit2 object crosses threads and libgit2's per-thread
/// error is read where it was set. Calls that change a repository (mirror, fetch, commit, push) hold that
/// repository's lock, so two workers never write the same mirror at once; reads take no lock, which is safe
/// because git objects are immutable and ref updates are atomic renames.
public struct LibGit2Workspace: GitWorkspace {
    /// The folder holding `repos/`.
    public let dataDirectory: URL
    private let clock: @Sendable () -> Date
    private let locks = RepositoryLockTable()

    /// Creates a workspace.
    /// - Parameters:
    ///   - dataDirectory: the folder in which `repos/<owner>/<name>.git` mirrors are kept.
    ///   - clock: the time stamped on commits (injected so tests are exact).
    public init(dataDirectory: URL, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.dataDirectory = dataDirectory
        self.clock = clock
    }

    /// The handle a remote URL maps to, without touching the disk.
    /// - Throws: ``GitError/invalidRemoteURL(_:)`` when the URL does not end in `<owner>/<name>[.git]`.
    public func handle(for remoteURL: String) throws -> MirrorHandle {
        guard let url = URL(string: remoteURL), let scheme = url.scheme, ["http", "https", "file"].contains(scheme.lowercased()) else {
            throw GitError.invalidRemoteURL(RemoteTransfer.redacted(remoteURL))
        }
        let components = url.path.split(separator: "/").map(String.init)
        guard components.count >= 2 else { throw GitError.invalidRemoteURL(RemoteTransfer.redacted(remoteURL)) }
        let owner = components[components.count - 2]
        var name = components[components.count - 1]
        if name.hasSuffix(".git") { name.removeLast(4) }
        let safe = { (part: String) in
            !part.isEmpty && part != "." && part != ".." && !part.contains("\\") && !part.unicodeScalars.contains { $0.value < 0x20 }
        }
        guard safe(owner), safe(name) else { throw GitError.invalidRemoteURL(RemoteTransfer.redacted(remoteURL)) }
        let path = dataDirectory.appendingPathComponent("repos", isDirectory: true)
            .appendingPathComponent(owner, isDirectory: true)
            .appendingPathComponent("\(name).git", isDirectory: true)
        return MirrorHandle(owner: owner, name: name, path: path, remoteURL: remoteURL)
    }

    /// Clones the mirror on first use (into a temporary folder, renamed into place when complete), else fetches.
    public func mirror(remoteURL: String, token: String?) async throws -> MirrorHandle {
        let handle = try handle(for: remoteURL)
        try await locks.withLock(handle.path.path) {
            try await BlockingExecutor.run {
                if FileManager.default.fileExists(atPath: handle.path.appendingPathComponent("HEAD").path) {
                    try Self.fetchMirror(handle, token: token)
                } else {
                    try Self.cloneMirror(handle, token: token)
                }
            }
        }
        return handle
    }

    private static func cloneMirror(_ handle: MirrorHandle, token: String?) throws {
        let parent = handle.path.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let staging = parent.appendingPathComponent(".\(handle.name).git.partial-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: staging) }
        do {
            let repository = try Repository.createBare(at: staging)
            try repository.withPointer { pointer in
                var remote: OpaquePointer?
                defer { git_remote_free(remote) }
                try LibGit2Runtime.check(
                    git_remote_create_with_fetchspec(&remote, pointer, "origin", handle.remoteURL, RemoteTransfer.mirrorRefspecs[0]),
                    "add remote origin"
                )
                for refspec in RemoteTransfer.mirrorRefspecs.dropFirst() {
                    try LibGit2Runtime.check(git_remote_add_fetch(pointer, "origin", refspec), "add refspec \(refspec)")
                }
            }
            try RemoteTransfer(repository: repository, remoteURL: handle.remoteURL).fetch(token: token)
        }
        try FileManager.default.moveItem(at: staging, to: handle.path)
    }

    private static func fetchMirror(_ handle: MirrorHandle, token: String?) throws {
        let repository = try Repository.openBare(at: handle.path)
        try repository.withPointer { pointer in
            try LibGit2Runtime.check(git_remote_set_url(pointer, "origin", handle.remoteURL), "set remote URL")
        }
        try RemoteTransfer(repository: repository, remoteURL: handle.remoteURL).fetch(token: token)
    }

    /// Fetches the mirror's remote.
    public func fetch(in repository: MirrorHandle, token: String?) async throws {
        try await locks.withLock(repository.path.path) {
            try await BlockingExecutor.run { try Self.fetchMirror(repository, token: token) }
        }
    }

    /// Commits without a working tree; see ``GitWorkspace/commit(_:in:)``.
    public func commit(_ request: CommitRequest, in repository: MirrorHandle) async throws -> CommitResult {
        let date = clock()
        return try await locks.withLock(repository.path.path) {
            try await BlockingExecutor.run {
                let results = try CommitWriter(repository: Repository.openBare(at: repository.path), date: date).commit([request], packed: false)
                guard let result = results.first else { throw GitError.invalidMessage("no commit was requested") }
                return result
            }
        }
    }

    /// Commits many requests in one pass, storing all new objects as a single packfile; see
    /// ``GitWorkspace/commitBatch(_:in:)``.
    public func commitBatch(_ requests: [CommitRequest], in repository: MirrorHandle) async throws -> [CommitResult] {
        guard !requests.isEmpty else { return [] }
        let date = clock()
        return try await locks.withLock(repository.path.path) {
            try await BlockingExecutor.run {
                try CommitWriter(repository: Repository.openBare(at: repository.path), date: date).commit(requests, packed: true)
            }
        }
    }

    /// Pushes branches to the mirror's remote; see ``GitWorkspace/push(in:branches:force:token:)``.
    public func push(in repository: MirrorHandle, branches: [String], force: Bool, token: String?) async throws {
        try await locks.withLock(repository.path.path) {
            try await BlockingExecutor.run {
                try RemoteTransfer(repository: Repository.openBare(at: repository.path), remoteURL: repository.remoteURL)
                    .push(branches: branches, force: force, token: token)
            }
        }
    }

    /// Resolves a ref to a SHA.
    public func resolve(in repository: MirrorHandle, ref: String) async throws -> String {
        try await read(repository) { try $0.resolve(ref) }
    }

    /// Reads a file at a ref.
    public func readFile(in repository: MirrorHandle, ref: String, path: String) async throws -> Data? {
        try await read(repository) { try $0.readFile(ref: ref, path: path) }
    }

    /// Lists a ref's tree recursively.
    public func listTree(in repository: MirrorHandle, ref: String) async throws -> [TreeEntry] {
        try await read(repository) { try $0.listTree(ref: ref) }
    }

    /// Changed paths of `head` against `base`.
    public func diff(in repository: MirrorHandle, base: String, head: String) async throws -> [ChangedPath] {
        try await read(repository) { try $0.diff(base: base, head: head) }
    }

    /// The merge base of two refs.
    public func mergeBase(in repository: MirrorHandle, _ first: String, _ second: String) async throws -> String? {
        try await read(repository) { try $0.mergeBase(first, second) }
    }

    /// Ahead/behind counts of a branch against a base.
    public func aheadBehind(in repository: MirrorHandle, branch: String, base: String) async throws -> AheadBehind {
        try await read(repository) { try $0.aheadBehind(branch: branch, base: base) }
    }

    /// Local branches with a prefix.
    public func branches(in repository: MirrorHandle, prefix: String) async throws -> [BranchInfo] {
        try await read(repository) { try $0.branches(prefix: prefix) }
    }

    private func read<Result: Sendable>(_ repository: MirrorHandle, _ query: @escaping @Sendable (RepositoryReader) throws -> Result) async throws -> Result {
        try await BlockingExecutor.run { try query(RepositoryReader(repository: Repository.openBare(at: repository.path))) }
    }
}

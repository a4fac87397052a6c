import CLibGit2
import Foundation

/// An open libgit2 repository, freed when the last reference goes away.
///
/// Not `Sendable`: it is created, used and released inside one ``BlockingExecutor`` call.
final class Repository {
    private let handle: OwnedHandle

    private init(handle: OwnedHandle) { self.handle = handle }

    /// Opens an existing bare repository.
    static func openBare(at path: URL) throws -> Repository {
        let handle = try OwnedHandle.make("open repository \(path.path)", free: { git_repository_free($0) }) {
            git_repository_open_bare($0, path.path)
        }
        return Repository(handle: handle)
    }

    /// Creates a bare repository whose HEAD points at `refs/heads/<defaultBranch>` and that keeps reflogs.
    static func createBare(at path: URL, defaultBranch: String = "main") throws -> Repository {
        let handle = try OwnedHandle.make("create repository \(path.path)", free: { git_repository_free($0) }) {
            git_repository_init($0, path.path, 1)
        }
        let repository = Repository(handle: handle)
        try repository.withPointer { pointer in
            try LibGit2Runtime.check(git_repository_set_head(pointer, "refs/heads/\(defaultBranch)"), "set HEAD")
        }
        try repository.setConfig("core.logAllRefUpdates", value: "true")
        return repository
    }

    /// Lends the raw `git_repository *` to `body`.
    @discardableResult
    func withPointer<Result>(_ body: (OpaquePointer) throws -> Result) rethrows -> Result {
        try handle.withPointer(body)
    }

    /// Sets a string value in the repository's own config file.
    func setConfig(_ key: String, value: String) throws {
        let config = try withPointer { pointer in
            try OwnedHandle.make("open config", parent: self, free: { git_config_free($0) }) { git_repository_config($0, pointer) }
        }
        try config.withPointer { pointer in
            try LibGit2Runtime.check(git_config_set_string(pointer, key, value), "set config \(key)")
        }
    }

    /// Resolves a revision expression to a commit, or throws ``GitError/referenceNotFound(_:)``.
    func commit(for spec: String) throws -> OwnedHandle {
        let object: OwnedHandle
        do {
            object = try withPointer { pointer in
                try OwnedHandle.make("resolve \(spec)", parent: self, free: { git_object_free($0) }) {
                    git_revparse_single($0, pointer, spec)
                }
            }
        } catch {
            if case .libgit2(let failure)? = error as? GitError, [GIT_ENOTFOUND.rawValue, GIT_EINVALIDSPEC.rawValue, GIT_EAMBIGUOUS.rawValue].contains(failure.code) {
                throw GitError.referenceNotFound(spec)
            }
            throw error
        }
        do {
            return try object.withPointer { pointer in
                try OwnedHandle.make("peel \(spec) to a commit", parent: self, free: { git_commit_free($0) }) {
                    git_object_peel($0, pointer, GIT_OBJECT_COMMIT)
                }
            }
        } catch {
            throw GitError.referenceNotFound(spec)
        }
    }

    /// The commit a full ref name points at, or `nil` when the ref does not exist.
    func commitIfExists(ref: String) throws -> OwnedHandle? {
        var oid = git_oid()
        let code = withPointer { git_reference_name_to_id(&oid, $0, ref) }
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try LibGit2Runtime.check(code, "read \(ref)")
        return try lookupCommit(oid)
    }

    /// Looks up a commit by id.
    func lookupCommit(_ oid: git_oid) throws -> OwnedHandle {
        var id = oid
        return try withPointer { pointer in
            try OwnedHandle.make("look up commit \(ObjectID.hex(oid))", parent: self, free: { git_commit_free($0) }) {
                git_commit_lookup($0, pointer, &id)
            }
        }
    }

    /// Looks up a tree by id.
    func lookupTree(_ oid: git_oid) throws -> OwnedHandle {
        var id = oid
        return try withPointer { pointer in
            try OwnedHandle.make("look up tree \(ObjectID.hex(oid))", parent: self, free: { git_tree_free($0) }) {
                git_tree_lookup($0, pointer, &id)
            }
        }
    }

    /// The tree of a commit.
    func tree(of commit: OwnedHandle) throws -> OwnedHandle {
        try commit.withPointer { pointer in
            try OwnedHandle.make("read commit tree", parent: self, free: { git_tree_free($0) }) { git_commit_tree($0, pointer) }
        }
    }

    /// The id of a commit (or any object).
    static func id(of object: OwnedHandle) -> git_oid {
        object.withPointer { pointer in
            git_commit_id(pointer).map { $0.pointee } ?? git_oid()
        }
    }

    /// The tree id of a commit.
    static func treeID(of commit: OwnedHandle) -> git_oid {
        commit.withPointer { pointer in git_commit_tree_id(pointer).map { $0.pointee } ?? git_oid() }
    }

    /// The repository's object database.
    func objectDatabase() throws -> OwnedHandle {
        try withPointer { pointer in
            try OwnedHandle.make("open object database", parent: self, free: { git_odb_free($0) }) { git_repository_odb($0, pointer) }
        }
    }
}

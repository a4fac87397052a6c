import CLibGit2

/// Collects every object a batch writes in memory (libgit2's mempack backend) and stores them as one packfile.
///
/// Writing a pack once instead of a loose file per blob, tree and commit is what makes bulk commits cheap.
/// Objects are only visible to this repository handle until ``writePack()`` runs, so refs must be moved after it.
final class PackStaging {
    private let repository: Repository
    private let database: OwnedHandle
    /// Owned by `database` once added; valid as long as `database` is.
    private let backend: OpaquePointer

    /// Attaches an in-memory object backend to `repository` ahead of the on-disk ones.
    init(repository: Repository) throws {
        self.repository = repository
        database = try repository.objectDatabase()
        var backend: OpaquePointer?
        try LibGit2Runtime.check(git_mempack_new(&backend), "create in-memory object store")
        guard let backend else {
            throw GitError.libgit2(LibGit2Failure(operation: "create in-memory object store", code: -1, errorClass: .odb, message: "no backend returned"))
        }
        let added = database.withPointer { git_odb_add_backend($0, backend, 999) }
        try LibGit2Runtime.check(added, "attach in-memory object store")
        self.backend = backend
    }

    /// Writes every staged object into one packfile (with its index) in the repository, then empties the stage.
    func writePack() throws {
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        try repository.withPointer { pointer in
            try LibGit2Runtime.check(git_mempack_dump(&buffer, pointer, backend), "pack staged objects")
        }
        var writer: UnsafeMutablePointer<git_odb_writepack>?
        try database.withPointer { pointer in
            try LibGit2Runtime.check(git_odb_write_pack(&writer, pointer, nil, nil), "open pack writer")
        }
        guard let writer, let append = writer.pointee.append, let commit = writer.pointee.commit else {
            throw GitError.libgit2(LibGit2Failure(operation: "open pack writer", code: -1, errorClass: .odb, message: "the object database cannot store packs"))
        }
        defer { writer.pointee.free?(writer) }
        var progress = git_indexer_progress()
        try LibGit2Runtime.check(append(writer, buffer.ptr, buffer.size, &progress), "write pack")
        try LibGit2Runtime.check(commit(writer, &progress), "index pack")
        try LibGit2Runtime.check(git_mempack_reset(backend), "clear in-memory object store")
    }
}

import CLibGit2
import Foundation

/// Read-only queries on a repository: files, trees, diffs and history.
struct RepositoryReader {
    let repository: Repository

    /// The SHA of the commit `ref` names.
    func resolve(_ ref: String) throws -> String {
        ObjectID.hex(Repository.id(of: try repository.commit(for: ref)))
    }

    /// The bytes at `path` in `ref`'s tree, `nil` when absent, ``GitError/notAFile(path:ref:)`` for directories.
    func readFile(ref: String, path: String) throws -> Data? {
        try PathValidator.validate(path)
        let tree = try repository.tree(of: repository.commit(for: ref))
        var entryPointer: OpaquePointer?
        let code = tree.withPointer { git_tree_entry_bypath(&entryPointer, $0, path) }
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try LibGit2Runtime.check(code, "look up \(path) at \(ref)")
        guard let entryPointer else { return nil }
        defer { git_tree_entry_free(entryPointer) }
        guard git_tree_entry_type(entryPointer) == GIT_OBJECT_BLOB, let blobID = git_tree_entry_id(entryPointer)?.pointee else {
            throw GitError.notAFile(path: path, ref: ref)
        }
        var id = blobID
        let blob = try repository.withPointer { pointer in
            try OwnedHandle.make("read blob \(path)", parent: repository, free: { git_blob_free($0) }) { git_blob_lookup($0, pointer, &id) }
        }
        return blob.withPointer { pointer in
            let size = Int(git_blob_rawsize(pointer))
            guard size > 0, let bytes = git_blob_rawcontent(pointer) else { return Data() }
            return Data(bytes: bytes, count: size)
        }
    }

    /// Every non-directory entry under `ref`'s tree, depth first.
    func listTree(ref: String) throws -> [TreeEntry] {
        let tree = try repository.tree(of: repository.commit(for: ref))
        let database = try repository.objectDatabase()
        var entries: [TreeEntry] = []
        try walk(tree, prefix: "", database: database, into: &entries)
        return entries
    }

    private func walk(_ tree: OwnedHandle, prefix: String, database: OwnedHandle, into entries: inout [TreeEntry]) throws {
        let count = tree.withPointer { git_tree_entrycount($0) }
        for position in 0..<count {
            guard let raw = tree.withPointer({ git_tree_entry_byindex($0, position) }),
                  let namePointer = git_tree_entry_name(raw), let id = git_tree_entry_id(raw)?.pointee
            else { continue }
            let path = prefix + String(cString: namePointer)
            let mode = git_tree_entry_filemode(raw).rawValue
            switch git_tree_entry_type(raw) {
            case GIT_OBJECT_TREE:
                try walk(repository.lookupTree(id), prefix: path + "/", database: database, into: &entries)
            case GIT_OBJECT_COMMIT:
                entries.append(TreeEntry(path: path, kind: .submodule, mode: mode, sha: ObjectID.hex(id), size: nil))
            default:
                let kind: TreeEntry.Kind = mode == GIT_FILEMODE_BLOB_EXECUTABLE.rawValue ? .executable : mode == GIT_FILEMODE_LINK.rawValue ? .symlink : .file
                entries.append(TreeEntry(path: path, kind: kind, mode: mode, sha: ObjectID.hex(id), size: try blobSize(id, database: database)))
            }
        }
    }

    private func blobSize(_ id: git_oid, database: OwnedHandle) throws -> Int {
        var oid = id
        var size = 0
        var type = GIT_OBJECT_ANY
        try database.withPointer { pointer in
            try LibGit2Runtime.check(git_odb_read_header(&size, &type, pointer, &oid), "read size of \(ObjectID.hex(id))")
        }
        return size
    }

    /// The merge base of two refs, `nil` when unrelated.
    func mergeBase(_ first: String, _ second: String) throws -> String? {
        try mergeBaseID(first, second).map(ObjectID.hex)
    }

    private func mergeBaseID(_ first: String, _ second: String) throws -> git_oid? {
        var one = Repository.id(of: try repository.commit(for: first))
        var two = Repository.id(of: try repository.commit(for: second))
        var base = git_oid()
        let code = repository.withPointer { git_merge_base(&base, $0, &one, &two) }
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try LibGit2Runtime.check(code, "find merge base of \(first) and \(second)")
        return base
    }

    /// Changes from the merge base of `base` and `head` to `head`, with rename detection.
    func diff(base: String, head: String) throws -> [ChangedPath] {
        let headCommit = try repository.commit(for: head)
        let headTree = try repository.tree(of: headCommit)
        let baseTree = try mergeBaseID(base, head).map { try repository.tree(of: repository.lookupCommit($0)) }
        var options = git_diff_options()
        try LibGit2Runtime.check(git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION)), "init diff options")
        let diff = try repository.withPointer { repositoryPointer in
            try headTree.withPointer { headPointer in
                try OwnedHandle.make("diff \(base)...\(head)", parent: repository, free: { git_diff_free($0) }) { out in
                    if let baseTree {
                        return baseTree.withPointer { git_diff_tree_to_tree(out, repositoryPointer, $0, headPointer, &options) }
                    }
                    return git_diff_tree_to_tree(out, repositoryPointer, nil, headPointer, &options)
                }
            }
        }
        var findOptions = git_diff_find_options()
        try LibGit2Runtime.check(git_diff_find_options_init(&findOptions, UInt32(GIT_DIFF_FIND_OPTIONS_VERSION)), "init rename options")
        findOptions.flags = GIT_DIFF_FIND_RENAMES.rawValue
        return try diff.withPointer { pointer in
            try LibGit2Runtime.check(git_diff_find_similar(pointer, &findOptions), "detect renames")
            return (0..<git_diff_num_deltas(pointer)).compactMap { position in
                git_diff_get_delta(pointer, position).flatMap { Self.changedPath($0.pointee) }
            }
        }
    }

    private static func changedPath(_ delta: git_diff_delta) -> ChangedPath? {
        let newPath = delta.new_file.path.map { String(cString: $0) } ?? ""
        let oldPath = delta.old_file.path.map { String(cString: $0) } ?? ""
        switch delta.status {
        case GIT_DELTA_ADDED, GIT_DELTA_COPIED: return ChangedPath(path: newPath, status: .added)
        case GIT_DELTA_DELETED: return ChangedPath(path: oldPath, status: .deleted)
        case GIT_DELTA_MODIFIED, GIT_DELTA_TYPECHANGE: return ChangedPath(path: newPath, status: .modified)
        case GIT_DELTA_RENAMED: return ChangedPath(path: newPath, oldPath: oldPath, status: .renamed)
        default: return nil
        }
    }

    /// Commits on `branch` not on `base`, and the reverse.
    func aheadBehind(branch: String, base: String) throws -> AheadBehind {
        var local = Repository.id(of: try repository.commit(for: branch))
        var upstream = Repository.id(of: try repository.commit(for: base))
        var ahead = 0
        var behind = 0
        try repository.withPointer { pointer in
            try LibGit2Runtime.check(git_graph_ahead_behind(&ahead, &behind, pointer, &local, &upstream), "count \(branch) against \(base)")
        }
        return AheadBehind(ahead: ahead, behind: behind)
    }

    /// Local branches starting with `prefix`, sorted by name.
    func branches(prefix: String) throws -> [BranchInfo] {
        let iterator = try repository.withPointer { pointer in
            try OwnedHandle.make("list branches", parent: repository, free: { git_reference_iterator_free($0) }) {
                git_reference_iterator_glob_new($0, pointer, "refs/heads/*")
            }
        }
        var branches: [BranchInfo] = []
        try iterator.withPointer { pointer in
            while true {
                var reference: OpaquePointer?
                let code = git_reference_next(&reference, pointer)
                if code == GIT_ITEROVER.rawValue { break }
                try LibGit2Runtime.check(code, "list branches")
                defer { git_reference_free(reference) }
                guard let reference, let namePointer = git_reference_name(reference) else { continue }
                let name = String(String(cString: namePointer).dropFirst("refs/heads/".count))
                guard name.hasPrefix(prefix) else { continue }
                var resolved: OpaquePointer?
                guard git_reference_resolve(&resolved, reference) == 0, let resolved else { continue }
                defer { git_reference_free(resolved) }
                guard let target = git_reference_target(resolved)?.pointee else { continue }
                branches.append(BranchInfo(name: name, sha: ObjectID.hex(target)))
            }
        }
        return branches.sorted { $0.name < $1.name }
    }
}

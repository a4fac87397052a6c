import CLibGit2
import Foundation

/// Builds a new tree in memory: a starting tree with some files written over it, no working tree involved.
///
/// Uses a repository-less in-memory index: the starting tree is read into it, each file's blob is written to
/// the object database and its entry replaced, and the index is written out as a tree.
struct TreeComposer {
    let repository: Repository

    /// Writes `files` over `baseTree` and returns the id of the resulting tree.
    func compose(files: [GitFile], over baseTree: OwnedHandle) throws -> git_oid {
        for file in files { try PathValidator.validate(file.path) }
        let index = try OwnedHandle.make("create in-memory index", free: { git_index_free($0) }) { git_index_new($0) }
        try index.withPointer { indexPointer in
            try baseTree.withPointer { treePointer in
                try LibGit2Runtime.check(git_index_read_tree(indexPointer, treePointer), "read base tree into index")
            }
        }
        try PathValidator.checkCollisions(files.map(\.path), existingPaths: paths(in: index))
        for file in files {
            let blob = try writeBlob(file.contents, path: file.path)
            try add(file, blob: blob, to: index)
        }
        var treeID = git_oid()
        try index.withPointer { indexPointer in
            try repository.withPointer { repositoryPointer in
                try LibGit2Runtime.check(git_index_write_tree_to(&treeID, indexPointer, repositoryPointer), "write tree")
            }
        }
        return treeID
    }

    private func paths(in index: OwnedHandle) -> [String] {
        index.withPointer { pointer in
            (0..<git_index_entrycount(pointer)).compactMap { position in
                git_index_get_byindex(pointer, position).flatMap { $0.pointee.path.map { String(cString: $0) } }
            }
        }
    }

    private func writeBlob(_ contents: Data, path: String) throws -> git_oid {
        var blobID = git_oid()
        try repository.withPointer { pointer in
            let code = contents.withUnsafeBytes { bytes in
                git_blob_create_from_buffer(&blobID, pointer, bytes.baseAddress, bytes.count)
            }
            try LibGit2Runtime.check(code, "write blob for \(path)")
        }
        return blobID
    }

    private func add(_ file: GitFile, blob: git_oid, to index: OwnedHandle) throws {
        try index.withPointer { pointer in
            try file.path.withCString { cPath in
                var entry = git_index_entry()
                entry.mode = file.mode.gitMode
                entry.id = blob
                entry.file_size = UInt32(truncatingIfNeeded: file.contents.count)
                entry.path = cPath
                try LibGit2Runtime.check(git_index_add(pointer, &entry), "add \(file.path) to index")
            }
        }
    }
}

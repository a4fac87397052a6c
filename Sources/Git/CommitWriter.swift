import CLibGit2
import Foundation

/// Makes commits of ``CommitRequest``s in a bare repository and moves their branches.
struct CommitWriter {
    let repository: Repository
    let date: Date

    /// A branch move decided by the batch, applied once all objects are stored.
    private struct BranchMove {
        let refName: String
        let branch: String
        let expected: git_oid?
        var target: git_oid
        var log: String
    }

    /// Commits each request in order; a later request for the same branch builds on the earlier one's commit.
    /// - Parameter packed: stage objects in memory and store them as one packfile (for batches) instead of
    ///   loose objects.
    /// - Returns: one result per request, in order.
    func commit(_ requests: [CommitRequest], packed: Bool) throws -> [CommitResult] {
        let staging = packed ? try PackStaging(repository: repository) : nil
        var moves: [BranchMove] = []
        var results: [CommitResult] = []
        for request in requests {
            let refName = try Self.branchRef(request.branch)
            let message = try request.fullMessage()
            let pendingIndex = moves.firstIndex { $0.refName == refName }
            let onDisk = pendingIndex == nil ? try repository.commitIfExists(ref: refName) : nil
            let tip = try pendingIndex.map { try repository.lookupCommit(moves[$0].target) } ?? onDisk
            let parent = try tip ?? repository.commit(for: request.base)
            let treeID = try TreeComposer(repository: repository).compose(files: request.files, over: repository.tree(of: parent))
            if let tip, git_oid_equal([Repository.treeID(of: tip)], [treeID]) != 0 {
                results.append(CommitResult(sha: ObjectID.hex(Repository.id(of: tip)), created: false))
                continue
            }
            let commitID = try createCommit(request, message: message, treeID: treeID, parent: parent)
            let log = "pfbot: commit \(request.files.count) file(s) to \(request.branch)"
            if let pendingIndex {
                moves[pendingIndex].target = commitID
                moves[pendingIndex].log = log
            } else {
                moves.append(BranchMove(refName: refName, branch: request.branch, expected: onDisk.map(Repository.id(of:)), target: commitID, log: log))
            }
            results.append(CommitResult(sha: ObjectID.hex(commitID), created: true))
        }
        if !moves.isEmpty { try staging?.writePack() }
        for move in moves { try moveBranch(move) }
        return results
    }

    /// `refs/heads/<branch>`, or ``GitError/invalidBranchName(_:)``.
    static func branchRef(_ branch: String) throws -> String {
        let refName = "refs/heads/\(branch)"
        var valid: Int32 = 0
        guard !branch.isEmpty, git_reference_name_is_valid(&valid, refName) == 0, valid == 1 else {
            throw GitError.invalidBranchName(branch)
        }
        return refName
    }

    private func createCommit(_ request: CommitRequest, message: String, treeID: git_oid, parent: OwnedHandle) throws -> git_oid {
        let author = try signature(request.author)
        let committer = try signature(request.committer)
        let tree = try repository.lookupTree(treeID)
        var commitID = git_oid()
        try repository.withPointer { repositoryPointer in
            try author.withPointer { authorPointer in
                try committer.withPointer { committerPointer in
                    try tree.withPointer { treePointer in
                        try parent.withPointer { parentPointer in
                            var parents: [OpaquePointer?] = [parentPointer]
                            let code = git_commit_create(
                                &commitID, repositoryPointer, nil, UnsafePointer(authorPointer), UnsafePointer(committerPointer),
                                "UTF-8", message, treePointer, 1, &parents
                            )
                            try LibGit2Runtime.check(code, "create commit on \(request.branch)")
                        }
                    }
                }
            }
        }
        return commitID
    }

    private func signature(_ person: GitSignature) throws -> OwnedHandle {
        let seconds = git_time_t(date.timeIntervalSince1970.rounded(.down))
        return try OwnedHandle.make("make signature for \(person.email)", free: { git_signature_free(UnsafeMutablePointer($0)) }) { out in
            var signature: UnsafeMutablePointer<git_signature>?
            let code = git_signature_new(&signature, person.name, person.email, seconds, 0)
            out.pointee = signature.map(OpaquePointer.init)
            return code
        }
    }

    /// Points the branch at its new commit only if it still has the tip the commit was built on.
    private func moveBranch(_ move: BranchMove) throws {
        var target = move.target
        let code: Int32 = repository.withPointer { pointer in
            var reference: OpaquePointer?
            defer { git_reference_free(reference) }
            guard var current = move.expected else {
                return git_reference_create(&reference, pointer, move.refName, &target, 0, move.log)
            }
            return git_reference_create_matching(&reference, pointer, move.refName, &target, 1, &current, move.log)
        }
        if code == GIT_EMODIFIED.rawValue || code == GIT_EEXISTS.rawValue || code == GIT_ELOCKED.rawValue {
            throw GitError.concurrentUpdate(branch: move.branch)
        }
        try LibGit2Runtime.check(code, "update \(move.refName)")
    }
}

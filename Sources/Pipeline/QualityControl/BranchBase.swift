import Foundation
import Git

/// The commit a task branch's changes are measured from: the default branch, or — once the branch is merged into
/// it — the default branch as it was just before the merge (the merge's first parent), found by walking the
/// default branch's first parents back to the last commit that does not contain the head.
struct BranchBase {
    /// How many first parents are walked at most; a head merged longer ago is measured from the default branch.
    static let walkLimit = 500

    let git: any GitWorkspace
    let handle: MirrorHandle

    /// The ref or SHA to diff `head` against.
    func before(head: String, mergedInto branch: String) async throws -> String {
        let headSHA = try await git.resolve(in: handle, ref: head)
        var tip = try await git.resolve(in: handle, ref: branch)
        guard tip != headSHA, try await contains(tip, headSHA) else { return branch }
        for _ in 0..<Self.walkLimit {
            guard let parent = try await firstParent(of: tip) else { return branch }
            if try await !contains(parent, headSHA) { return parent }
            tip = parent
        }
        return branch
    }

    private func contains(_ commit: String, _ head: String) async throws -> Bool {
        try await git.mergeBase(in: handle, commit, head) == head
    }

    private func firstParent(of commit: String) async throws -> String? {
        do {
            return try await git.resolve(in: handle, ref: commit + "^1")
        } catch GitError.referenceNotFound {
            return nil
        }
    }
}

import Foundation
import Git
import Testing

@Suite struct CommitBatchTests {
    @Test func batchCommitsEveryBranchIntoOnePackAndBuildsOnEarlierRequests() async throws {
        let sandbox = try GitSandbox()
        let repo = try await sandbox.workspace.mirror(remoteURL: sandbox.makeRemote().absoluteString, token: nil)
        let packsBefore = try packCount(repo)
        let requests = (0..<5).map { task in
            CommitRequest(base: "main", branch: "pf/batch-\(task)", files: textFiles(["task.md": "task \(task)\n"]), message: "Task \(task)", author: GitSandbox.bot)
        } + [CommitRequest(base: "main", branch: "pf/batch-0", files: textFiles(["extra.md": "extra\n"]), message: "Follow-up", author: GitSandbox.bot)]

        let results = try await sandbox.workspace.commitBatch(requests, in: repo)

        #expect(results.count == 6)
        #expect(results.allSatisfy { $0.created })
        #expect(try packCount(repo) == packsBefore + 1)
        #expect(try GitCommandLine.run(["--git-dir", repo.path.path, "rev-parse", "pf/batch-0"]) == results[5].sha)
        #expect(try GitCommandLine.run(["--git-dir", repo.path.path, "rev-parse", "pf/batch-0^"]) == results[0].sha)
        #expect(try await sandbox.workspace.readFile(in: repo, ref: "pf/batch-0", path: "task.md") == Data("task 0\n".utf8))
        #expect(try GitCommandLine.run(["--git-dir", repo.path.path, "fsck", "--no-dangling"]).isEmpty)
    }

    @Test func rerunningABatchCreatesNothingNew() async throws {
        let sandbox = try GitSandbox()
        let repo = try await sandbox.workspace.mirror(remoteURL: sandbox.makeRemote().absoluteString, token: nil)
        let requests = (0..<3).map { CommitRequest(base: "main", branch: "pf/b\($0)", files: textFiles(["f": "\($0)"]), message: "m", author: GitSandbox.bot) }
        let first = try await sandbox.workspace.commitBatch(requests, in: repo)
        let packs = try packCount(repo)

        let second = try await sandbox.workspace.commitBatch(requests, in: repo)

        #expect(second == first.map { CommitResult(sha: $0.sha, created: false) })
        #expect(try packCount(repo) == packs)
    }

    @Test func anInvalidRequestLeavesEveryBranchUntouched() async throws {
        let sandbox = try GitSandbox()
        let repo = try await sandbox.workspace.mirror(remoteURL: sandbox.makeRemote().absoluteString, token: nil)
        let requests = [
            CommitRequest(base: "main", branch: "pf/good", files: textFiles(["f": "1"]), message: "m", author: GitSandbox.bot),
            CommitRequest(base: "main", branch: "pf/bad", files: textFiles(["../escape": "1"]), message: "m", author: GitSandbox.bot),
        ]

        await #expect(throws: GitError.invalidPath(path: "../escape", problem: .dotComponent)) {
            try await sandbox.workspace.commitBatch(requests, in: repo)
        }
        #expect(try await sandbox.workspace.branches(in: repo, prefix: "pf/").isEmpty)
    }

    private func packCount(_ repo: MirrorHandle) throws -> Int {
        try FileManager.default.contentsOfDirectory(atPath: repo.path.appendingPathComponent("objects/pack").path).filter { $0.hasSuffix(".pack") }.count
    }
}

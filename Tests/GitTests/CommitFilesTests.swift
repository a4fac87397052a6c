import Foundation
import Git
import Testing

@Suite struct CommitFilesTests {
    @Test func commitCreatesTaskBranchOnTopOfBaseWithMessageTrailersAndInjectedTime() async throws {
        let sandbox = try GitSandbox()
        let remote = try sandbox.makeRemote()
        let repo = try await sandbox.workspace.mirror(remoteURL: remote.absoluteString, token: nil)
        let mainSHA = try await sandbox.workspace.resolve(in: repo, ref: "main")

        let result = try await sandbox.workspace.commitFiles(
            in: repo, base: "main", branch: "pf/task-7-docs",
            files: textFiles(["tasks/7/README.md": "# Task 7\n"]),
            message: "Scaffold task 7", author: GitSandbox.bot,
            committer: GitSignature(name: "pfbot committer", email: "committer@example.invalid"),
            trailers: [CommitTrailer(key: "Post-Fiat-Task", value: "7")]
        )

        #expect(result.created)
        let log = try GitCommandLine.run(["--git-dir", repo.path.path, "log", "-1", "--format=%P|%an|%ae|%cn|%ce|%at|%ct|%B", result.sha])
        #expect(log == "\(mainSHA)|pfbot|pfbot@example.invalid|pfbot committer|committer@example.invalid|1790000000|1790000000|Scaffold task 7\n\nPost-Fiat-Task: 7")
        let branches = try await sandbox.workspace.branches(in: repo, prefix: "pf/")
        #expect(branches == [BranchInfo(name: "pf/task-7-docs", sha: result.sha)])
    }

    @Test func filesNotNamedKeepTheirBaseContent() async throws {
        let sandbox = try GitSandbox()
        let repo = try await sandbox.workspace.mirror(remoteURL: sandbox.makeRemote().absoluteString, token: nil)

        _ = try await sandbox.workspace.commitFiles(
            in: repo, base: "main", branch: "pf/task-1", files: textFiles(["README.md": "# Replaced\n", "docs/new.md": "new\n"]),
            message: "Scaffold", author: GitSandbox.bot
        )

        let paths = try await sandbox.workspace.listTree(in: repo, ref: "pf/task-1").map(\.path)
        #expect(paths == ["README.md", "docs/new.md", "src/main.swift", "tools/run.sh"])
        #expect(try await sandbox.workspace.readFile(in: repo, ref: "pf/task-1", path: "src/main.swift") == Data("let answer = 42\n".utf8))
        #expect(try await sandbox.workspace.readFile(in: repo, ref: "pf/task-1", path: "README.md") == Data("# Replaced\n".utf8))
    }

    @Test func rerunningWithTheSameFilesReturnsTheExistingCommit() async throws {
        let sandbox = try GitSandbox()
        let repo = try await sandbox.workspace.mirror(remoteURL: sandbox.makeRemote().absoluteString, token: nil)
        let request = CommitRequest(base: "main", branch: "pf/task-2", files: textFiles(["a.md": "A\n"]), message: "Scaffold", author: GitSandbox.bot)

        let first = try await sandbox.workspace.commit(request, in: repo)
        let second = try await sandbox.workspace.commit(request, in: repo)

        #expect(first.created)
        #expect(second == CommitResult(sha: first.sha, created: false))
        #expect(try GitCommandLine.run(["--git-dir", repo.path.path, "rev-list", "--count", "main..pf/task-2"]) == "1")
    }

    @Test func changedFilesAdvanceTheExistingBranchFromItsTip() async throws {
        let sandbox = try GitSandbox()
        let repo = try await sandbox.workspace.mirror(remoteURL: sandbox.makeRemote().absoluteString, token: nil)
        let first = try await sandbox.workspace.commitFiles(
            in: repo, base: "main", branch: "pf/task-3", files: textFiles(["a.md": "A\n"]), message: "One", author: GitSandbox.bot
        )

        let second = try await sandbox.workspace.commitFiles(
            in: repo, base: "main", branch: "pf/task-3", files: textFiles(["b.md": "B\n"]), message: "Two", author: GitSandbox.bot
        )

        #expect(second.created)
        #expect(try GitCommandLine.run(["--git-dir", repo.path.path, "rev-parse", "\(second.sha)^"]) == first.sha)
        #expect(try await sandbox.workspace.readFile(in: repo, ref: "pf/task-3", path: "a.md") == Data("A\n".utf8))
        #expect(try await sandbox.workspace.aheadBehind(in: repo, branch: "pf/task-3", base: "main") == AheadBehind(ahead: 2, behind: 0))
    }

    @Test func branchUpdateIsRecordedInTheReflog() async throws {
        let sandbox = try GitSandbox()
        let repo = try await sandbox.workspace.mirror(remoteURL: sandbox.makeRemote().absoluteString, token: nil)

        _ = try await sandbox.workspace.commitFiles(
            in: repo, base: "main", branch: "pf/task-4", files: textFiles(["a.md": "A\n"]), message: "Scaffold", author: GitSandbox.bot
        )

        let reflog = try GitCommandLine.run(["--git-dir", repo.path.path, "reflog", "show", "--format=%gs", "refs/heads/pf/task-4"])
        #expect(reflog == "pfbot: commit 1 file(s) to pf/task-4")
    }

    @Test func concurrentCommitsToDifferentBranchesAllLand() async throws {
        let sandbox = try GitSandbox()
        let workspace = sandbox.workspace
        let repo = try await workspace.mirror(remoteURL: sandbox.makeRemote().absoluteString, token: nil)

        let results = try await withThrowingTaskGroup(of: (Int, CommitResult).self) { group in
            for task in 0..<8 {
                group.addTask {
                    let result = try await workspace.commitFiles(
                        in: repo, base: "main", branch: "pf/task-\(task)", files: textFiles(["task.md": "task \(task)\n"]),
                        message: "Scaffold \(task)", author: GitSandbox.bot
                    )
                    return (task, result)
                }
            }
            return try await group.reduce(into: [Int: CommitResult]()) { $0[$1.0] = $1.1 }
        }

        #expect(results.count == 8)
        let branches = try await workspace.branches(in: repo, prefix: "pf/task-")
        #expect(branches.count == 8)
        for task in 0..<8 {
            #expect(try await workspace.readFile(in: repo, ref: "pf/task-\(task)", path: "task.md") == Data("task \(task)\n".utf8))
            #expect(branches.contains(BranchInfo(name: "pf/task-\(task)", sha: results[task]?.sha ?? "")))
        }
    }

    @Test func unknownBaseIsAReferenceError() async throws {
        let sandbox = try GitSandbox()
        let repo = try await sandbox.workspace.mirror(remoteURL: sandbox.makeRemote().absoluteString, token: nil)

        await #expect(throws: GitError.referenceNotFound("no-such-branch")) {
            try await sandbox.workspace.commitFiles(
                in: repo, base: "no-such-branch", branch: "pf/x", files: textFiles(["a": "a"]), message: "m", author: GitSandbox.bot
            )
        }
    }

    @Test(arguments: ["", "pf/bad..name", "pf/with space", "pf/x.lock", "/pf/lead"])
    func invalidBranchNamesAreRefused(branch: String) async throws {
        let sandbox = try GitSandbox()
        let repo = try await sandbox.workspace.mirror(remoteURL: sandbox.makeRemote().absoluteString, token: nil)

        await #expect(throws: GitError.invalidBranchName(branch)) {
            try await sandbox.workspace.commitFiles(in: repo, base: "main", branch: branch, files: textFiles(["a": "a"]), message: "m", author: GitSandbox.bot)
        }
    }

    @Test func trailersWithNewlinesAreRefused() async throws {
        let sandbox = try GitSandbox()
        let repo = try await sandbox.workspace.mirror(remoteURL: sandbox.makeRemote().absoluteString, token: nil)

        await #expect(throws: GitError.self) {
            try await sandbox.workspace.commitFiles(
                in: repo, base: "main", branch: "pf/x", files: textFiles(["a": "a"]), message: "m", author: GitSandbox.bot,
                trailers: [CommitTrailer(key: "Post-Fiat-Task", value: "1\nSigned-off-by: someone")]
            )
        }
        #expect(try await sandbox.workspace.branches(in: repo, prefix: "pf/").isEmpty)
    }
}

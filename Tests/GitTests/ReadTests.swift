import Foundation
import Git
import Testing

@Suite struct ReadTests {
    @Test func binaryAndExecutableFilesReadBackByteForByte() async throws {
        let sandbox = try GitSandbox()
        let repo = try await sandbox.workspace.mirror(remoteURL: sandbox.makeRemote().absoluteString, token: nil)
        let binary = Data((0..<1024).map { UInt8(truncatingIfNeeded: $0 &* 7) } + [0, 0, 255, 13, 10])
        let script = Data("#!/bin/sh\nexit 0\n".utf8)

        let result = try await sandbox.workspace.commitFiles(
            in: repo, base: "main", branch: "pf/bytes",
            files: [GitFile(path: "assets/blob.bin", contents: binary), GitFile(path: "bin/check", contents: script, mode: .executable), GitFile(path: "empty.txt", contents: Data())],
            message: "Bytes", author: GitSandbox.bot
        )

        #expect(try await sandbox.workspace.readFile(in: repo, ref: result.sha, path: "assets/blob.bin") == binary)
        #expect(try await sandbox.workspace.readFile(in: repo, ref: "refs/heads/pf/bytes", path: "bin/check") == script)
        #expect(try await sandbox.workspace.readFile(in: repo, ref: "pf/bytes", path: "empty.txt") == Data())
        let tree = try await sandbox.workspace.listTree(in: repo, ref: "pf/bytes")
        let byPath = Dictionary(uniqueKeysWithValues: tree.map { ($0.path, $0) })
        #expect(byPath["assets/blob.bin"]?.kind == .file)
        #expect(byPath["assets/blob.bin"]?.mode == 0o100644)
        #expect(byPath["assets/blob.bin"]?.size == binary.count)
        #expect(byPath["bin/check"]?.kind == .executable)
        #expect(byPath["bin/check"]?.mode == 0o100755)
        #expect(byPath["tools/run.sh"]?.kind == .executable)
        #expect(byPath["empty.txt"]?.size == 0)
        let blobSHA = try GitCommandLine.run(["--git-dir", repo.path.path, "rev-parse", "pf/bytes:assets/blob.bin"])
        #expect(byPath["assets/blob.bin"]?.sha == blobSHA)
        let cliMode = try GitCommandLine.run(["--git-dir", repo.path.path, "ls-tree", "pf/bytes", "bin/check"])
        #expect(cliMode.hasPrefix("100755 blob"))
    }

    @Test func missingFileIsNilAndDirectoryIsNotAFile() async throws {
        let sandbox = try GitSandbox()
        let repo = try await sandbox.workspace.mirror(remoteURL: sandbox.makeRemote().absoluteString, token: nil)

        #expect(try await sandbox.workspace.readFile(in: repo, ref: "main", path: "nope.md") == nil)
        await #expect(throws: GitError.notAFile(path: "src", ref: "main")) {
            try await sandbox.workspace.readFile(in: repo, ref: "main", path: "src")
        }
        await #expect(throws: GitError.referenceNotFound("pf/missing")) {
            try await sandbox.workspace.listTree(in: repo, ref: "pf/missing")
        }
    }

    @Test func resolveGivesTheCommitSHAOfBranchesRefsAndExpressions() async throws {
        let sandbox = try GitSandbox()
        let remote = try sandbox.makeRemote()
        let repo = try await sandbox.workspace.mirror(remoteURL: remote.absoluteString, token: nil)
        let expected = try GitCommandLine.run(["--git-dir", remote.path, "rev-parse", "main"])

        #expect(try await sandbox.workspace.resolve(in: repo, ref: "main") == expected)
        #expect(try await sandbox.workspace.resolve(in: repo, ref: "refs/heads/main") == expected)
        #expect(try await sandbox.workspace.resolve(in: repo, ref: String(expected.prefix(12))) == expected)
        #expect(try await sandbox.workspace.resolve(in: repo, ref: "HEAD") == expected)
    }

    @Test func diffAgainstBaseReportsAddedModifiedDeletedAndRenamedPaths() async throws {
        let sandbox = try GitSandbox()
        let remote = try sandbox.makeRemote()
        let body = String(repeating: "A paragraph that stays the same across the rename.\n", count: 20)
        try sandbox.commitWithCLI(to: remote, branch: "main", files: ["docs/guide.md": body, "old.md": "old\n"], message: "More files")
        try sandbox.commitWithCLI(to: remote, branch: "feature", files: ["new.md": "new\n", "README.md": "# Changed\n"])
        let work = sandbox.root.appendingPathComponent("feature-work")
        try GitCommandLine.run(["clone", "--quiet", "-b", "feature", remote.path, work.path])
        try GitCommandLine.run(["rm", "--quiet", "old.md"], in: work)
        try GitCommandLine.run(["mv", "docs/guide.md", "docs/handbook.md"], in: work)
        try GitCommandLine.run(["commit", "--quiet", "-m", "Move and delete"], in: work)
        try GitCommandLine.run(["push", "--quiet", "origin", "feature"], in: work)
        try sandbox.commitWithCLI(to: remote, branch: "main", files: ["later-on-main.md": "x\n"])
        let repo = try await sandbox.workspace.mirror(remoteURL: remote.absoluteString, token: nil)

        let changes = try await sandbox.workspace.diff(in: repo, base: "main", head: "feature")

        #expect(Set(changes.map { "\($0.status.rawValue) \($0.oldPath.map { $0 + " -> " } ?? "")\($0.path)" }) == [
            "modified README.md",
            "renamed docs/guide.md -> docs/handbook.md",
            "added new.md",
            "deleted old.md",
        ])
    }

    @Test func mergeBaseAndAheadBehindDescribeDivergence() async throws {
        let sandbox = try GitSandbox()
        let remote = try sandbox.makeRemote()
        let fork = try GitCommandLine.run(["--git-dir", remote.path, "rev-parse", "main"])
        try sandbox.commitWithCLI(to: remote, branch: "topic", files: ["t1.md": "1"])
        try sandbox.commitWithCLI(to: remote, branch: "topic", files: ["t2.md": "2"])
        try sandbox.commitWithCLI(to: remote, branch: "main", files: ["m1.md": "1"])
        let repo = try await sandbox.workspace.mirror(remoteURL: remote.absoluteString, token: nil)

        #expect(try await sandbox.workspace.mergeBase(in: repo, "main", "topic") == fork)
        #expect(try await sandbox.workspace.aheadBehind(in: repo, branch: "topic", base: "main") == AheadBehind(ahead: 2, behind: 1))
    }

    @Test func unrelatedHistoriesHaveNoMergeBase() async throws {
        let sandbox = try GitSandbox()
        let remote = try sandbox.makeRemote()
        let orphan = sandbox.root.appendingPathComponent("orphan")
        try GitCommandLine.run(["clone", "--quiet", remote.path, orphan.path])
        try GitCommandLine.run(["checkout", "--quiet", "--orphan", "island"], in: orphan)
        try GitCommandLine.run(["commit", "--quiet", "-m", "Island"], in: orphan)
        try GitCommandLine.run(["push", "--quiet", "origin", "island"], in: orphan)
        let repo = try await sandbox.workspace.mirror(remoteURL: remote.absoluteString, token: nil)

        #expect(try await sandbox.workspace.mergeBase(in: repo, "main", "island") == nil)
    }

    @Test func branchListingFiltersByPrefix() async throws {
        let sandbox = try GitSandbox()
        let repo = try await sandbox.workspace.mirror(remoteURL: sandbox.makeRemote().absoluteString, token: nil)
        for branch in ["pf/b", "pf/a", "feature/x"] {
            _ = try await sandbox.workspace.commitFiles(in: repo, base: "main", branch: branch, files: textFiles([branch + ".md": branch]), message: branch, author: GitSandbox.bot)
        }

        #expect(try await sandbox.workspace.branches(in: repo, prefix: "pf/").map(\.name) == ["pf/a", "pf/b"])
        #expect(try await sandbox.workspace.branches(in: repo, prefix: "").map(\.name) == ["feature/x", "main", "pf/a", "pf/b"])
    }
}

import Foundation
import Git
import Testing

@Suite struct FileTransportTests {
    @Test func pushedBranchIsReadableFromAFreshMirror() async throws {
        let sandbox = try GitSandbox()
        let remote = try sandbox.makeRemote()
        let repo = try await sandbox.workspace.mirror(remoteURL: remote.absoluteString, token: nil)
        let binary = Data([0, 1, 2, 250, 251, 0, 10])
        let result = try await sandbox.workspace.commitFiles(
            in: repo, base: "main", branch: "pf/task-9",
            files: [GitFile(path: "deliverable.bin", contents: binary), GitFile(path: "run.sh", text: "#!/bin/sh\n", mode: .executable)],
            message: "Scaffold task 9", author: GitSandbox.bot
        )

        try await sandbox.workspace.push(in: repo, branches: ["pf/task-9"], force: false, token: nil)

        #expect(try GitCommandLine.run(["--git-dir", remote.path, "rev-parse", "pf/task-9"]) == result.sha)
        let reader = sandbox.otherWorkspace("qc")
        let qcRepo = try await reader.mirror(remoteURL: remote.absoluteString, token: nil)
        #expect(try await reader.readFile(in: qcRepo, ref: "pf/task-9", path: "deliverable.bin") == binary)
        #expect(try await reader.listTree(in: qcRepo, ref: "pf/task-9").first { $0.path == "run.sh" }?.kind == .executable)
    }

    @Test func pushingAnUnchangedBranchAgainSucceeds() async throws {
        let sandbox = try GitSandbox()
        let repo = try await sandbox.workspace.mirror(remoteURL: sandbox.makeRemote().absoluteString, token: nil)
        _ = try await sandbox.workspace.commitFiles(in: repo, base: "main", branch: "pf/a", files: textFiles(["a": "a"]), message: "m", author: GitSandbox.bot)

        try await sandbox.workspace.push(in: repo, branches: ["pf/a"], force: false, token: nil)
        try await sandbox.workspace.push(in: repo, branches: ["pf/a"], force: false, token: nil)
    }

    @Test func divergedBranchIsRejectedAsNonFastForwardUntilForced() async throws {
        let sandbox = try GitSandbox()
        let remote = try sandbox.makeRemote()
        let repo = try await sandbox.workspace.mirror(remoteURL: remote.absoluteString, token: nil)
        _ = try await sandbox.workspace.commitFiles(in: repo, base: "main", branch: "pf/task-5", files: textFiles(["a.md": "1"]), message: "One", author: GitSandbox.bot)
        try await sandbox.workspace.push(in: repo, branches: ["pf/task-5"], force: false, token: nil)
        try sandbox.commitWithCLI(to: remote, branch: "pf/task-5", files: ["human.md": "edit"])
        let local = try await sandbox.workspace.commitFiles(in: repo, base: "main", branch: "pf/task-5", files: textFiles(["a.md": "2"]), message: "Two", author: GitSandbox.bot)

        await #expect(throws: GitError.nonFastForward(refs: ["refs/heads/pf/task-5"])) {
            try await sandbox.workspace.push(in: repo, branches: ["pf/task-5"], force: false, token: nil)
        }
        try await sandbox.workspace.push(in: repo, branches: ["pf/task-5"], force: true, token: nil)
        #expect(try GitCommandLine.run(["--git-dir", remote.path, "rev-parse", "pf/task-5"]) == local.sha)
    }

    @Test func forcePushOutsideThePfPrefixIsRefusedWithoutTouchingTheRemote() async throws {
        let sandbox = try GitSandbox()
        let remote = try sandbox.makeRemote()
        let repo = try await sandbox.workspace.mirror(remoteURL: remote.absoluteString, token: nil)
        let before = try GitCommandLine.run(["--git-dir", remote.path, "rev-parse", "main"])
        _ = try await sandbox.workspace.commitFiles(in: repo, base: "main", branch: "main", files: textFiles(["x": "x"]), message: "m", author: GitSandbox.bot)

        await #expect(throws: GitError.forcePushRefused(branch: "main", requiredPrefix: "pf/")) {
            try await sandbox.workspace.push(in: repo, branches: ["pf/ok", "main"], force: true, token: nil)
        }
        #expect(try GitCommandLine.run(["--git-dir", remote.path, "rev-parse", "main"]) == before)
    }

    @Test func pushingABranchThatDoesNotExistLocallyIsAReferenceError() async throws {
        let sandbox = try GitSandbox()
        let repo = try await sandbox.workspace.mirror(remoteURL: sandbox.makeRemote().absoluteString, token: nil)

        await #expect(throws: GitError.referenceNotFound("refs/heads/pf/never")) {
            try await sandbox.workspace.push(in: repo, branches: ["pf/never"], force: false, token: nil)
        }
    }

    @Test func manyBranchesPushInOneCall() async throws {
        let sandbox = try GitSandbox()
        let remote = try sandbox.makeRemote()
        let repo = try await sandbox.workspace.mirror(remoteURL: remote.absoluteString, token: nil)
        var branches: [String] = []
        for task in 0..<20 {
            branches.append("pf/bulk-\(task)")
            _ = try await sandbox.workspace.commitFiles(in: repo, base: "main", branch: "pf/bulk-\(task)", files: textFiles(["t.md": "\(task)"]), message: "m", author: GitSandbox.bot)
        }

        try await sandbox.workspace.push(in: repo, branches: branches, force: false, token: nil)

        #expect(try GitCommandLine.run(["--git-dir", remote.path, "for-each-ref", "refs/heads/pf/"]).split(separator: "\n").count == 20)
    }
}

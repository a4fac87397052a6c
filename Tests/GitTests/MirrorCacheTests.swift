import Foundation
import Git
import Testing

@Suite struct MirrorCacheTests {
    @Test func firstUseClonesABareMirrorUnderReposOwnerName() async throws {
        let sandbox = try GitSandbox()
        let remote = try sandbox.makeRemote(owner: "acme", name: "site")

        let repo = try await sandbox.workspace.mirror(remoteURL: remote.absoluteString, token: nil)

        #expect(repo.owner == "acme")
        #expect(repo.name == "site")
        #expect(repo.path.path == sandbox.root.appendingPathComponent("data/repos/acme/site.git").path)
        #expect(try GitCommandLine.run(["--git-dir", repo.path.path, "rev-parse", "--is-bare-repository"]) == "true")
        #expect(try GitCommandLine.run(["--git-dir", repo.path.path, "rev-parse", "main"]) == GitCommandLine.run(["--git-dir", remote.path, "rev-parse", "main"]))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: repo.path.deletingLastPathComponent().path)
        #expect(leftovers == ["site.git"])
    }

    @Test func laterUseFetchesNewCommitsIntoTheSameMirror() async throws {
        let sandbox = try GitSandbox()
        let remote = try sandbox.makeRemote()
        let repo = try await sandbox.workspace.mirror(remoteURL: remote.absoluteString, token: nil)
        let marker = repo.path.appendingPathComponent("pfbot-marker")
        try Data("kept".utf8).write(to: marker)
        let newMain = try sandbox.commitWithCLI(to: remote, branch: "main", files: ["later.md": "later\n"])
        let newBranch = try sandbox.commitWithCLI(to: remote, branch: "contributor/work", files: ["c.md": "c\n"])

        let again = try await sandbox.workspace.mirror(remoteURL: remote.absoluteString, token: nil)

        #expect(again == repo)
        #expect(FileManager.default.fileExists(atPath: marker.path))
        #expect(try await sandbox.workspace.resolve(in: again, ref: "main") == newMain)
        #expect(try await sandbox.workspace.resolve(in: again, ref: "contributor/work") == newBranch)
        #expect(try await sandbox.workspace.readFile(in: again, ref: "main", path: "later.md") == Data("later\n".utf8))
    }

    @Test func fetchKeepsLocalTaskBranchesThatAreNotPushedYet() async throws {
        let sandbox = try GitSandbox()
        let remote = try sandbox.makeRemote()
        let repo = try await sandbox.workspace.mirror(remoteURL: remote.absoluteString, token: nil)
        let local = try await sandbox.workspace.commitFiles(in: repo, base: "main", branch: "pf/local", files: textFiles(["a": "a"]), message: "m", author: GitSandbox.bot)
        try sandbox.commitWithCLI(to: remote, branch: "main", files: ["b": "b"])

        try await sandbox.workspace.fetch(in: repo, token: nil)

        #expect(try await sandbox.workspace.resolve(in: repo, ref: "pf/local") == local.sha)
    }

    @Test func concurrentMirrorCallsCloneOnce() async throws {
        let sandbox = try GitSandbox()
        let remote = try sandbox.makeRemote()
        let workspace = sandbox.workspace

        let handles = try await withThrowingTaskGroup(of: MirrorHandle.self) { group in
            for _ in 0..<4 { group.addTask { try await workspace.mirror(remoteURL: remote.absoluteString, token: nil) } }
            return try await group.reduce(into: [MirrorHandle]()) { $0.append($1) }
        }

        #expect(Set(handles).count == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.root.appendingPathComponent("data/repos/acme").path) == ["site.git"])
    }

    @Test(arguments: ["https://github.com/acme", "ftp://example.invalid/acme/site.git", "https://github.com/../site.git", "not a url"])
    func remoteURLsWithoutOwnerAndNameAreRefused(url: String) throws {
        let sandbox = try GitSandbox()

        #expect(throws: GitError.self) { try sandbox.workspace.handle(for: url) }
    }

    @Test func githubURLsMapToOwnerAndName() throws {
        let sandbox = try GitSandbox()

        let handle = try sandbox.workspace.handle(for: "https://github.com/PostFiat/task-node.git")

        #expect(handle.owner == "PostFiat")
        #expect(handle.name == "task-node")
        #expect(handle.path.lastPathComponent == "task-node.git")
        #expect(try sandbox.workspace.handle(for: "https://github.com/acme/.github").name == ".github")
    }
}

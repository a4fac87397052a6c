import Foundation
import GitHub
import Sandbox
import Testing

/// The emulator over real bare repositories, served over smart HTTP by `GitHTTPBackend` with the emulator's tokens.
@Suite struct GitHostingIntegrationTests {
    static func git(_ arguments: [String], in directory: URL) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = [
            "GIT_TERMINAL_PROMPT": "0", "HOME": directory.path, "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_AUTHOR_NAME": "Alice", "GIT_AUTHOR_EMAIL": "alice@example.com",
            "GIT_COMMITTER_NAME": "Alice", "GIT_COMMITTER_EMAIL": "alice@example.com",
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test func anAppClonesPushesOpensAndMergesOverRealGit() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("pfbot-gh-git-\(UUID().uuidString)", isDirectory: true)
        let work = root.appendingPathComponent("work", isDirectory: true)
        let repos = root.appendingPathComponent("repos", isDirectory: true)
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let clock = TestClock(start: Date())
        let sandbox = try await GitHubSandbox.start(root: repos, now: { clock.now() })
        let emulator = sandbox.emulator
        let gitServer = sandbox.gitServer
        let baseURL = sandbox.apiURL
        try await emulator.createRepository(owner: "acme", name: "widgets")
        await emulator.registerToken("pat-rita", for: "rita")
        await emulator.setPermission(owner: "acme", repo: "widgets", user: "rita", permission: "read")
        let harness = EmulatorHarness(emulator: emulator, baseURL: baseURL, clock: clock)
        let client = try await harness.appClient(policy: RateLimitPolicy(writeSpacing: 0))
        let repo = EmulatorHarness.repo

        let cloneURL = try #require(try await client.repository(repo).cloneUrl)
        #expect(cloneURL.hasPrefix(gitServer.baseURL.absoluteString))
        let token = try await client.createInstallationToken(installationID: EmulatorHarness.installationID).token
        let authed = cloneURL.replacingOccurrences(of: "http://", with: "http://x-access-token:\(token)@")
        #expect(try Self.git(["clone", "--quiet", authed, "widgets"], in: work).status == 0)
        let checkout = work.appendingPathComponent("widgets", isDirectory: true)
        try "deliverable\n".write(to: checkout.appendingPathComponent("RESULT.md"), atomically: true, encoding: .utf8)
        #expect(try Self.git(["checkout", "--quiet", "-b", "pf/task"], in: checkout).status == 0)
        #expect(try Self.git(["add", "RESULT.md"], in: checkout).status == 0)
        #expect(try Self.git(["commit", "--quiet", "-m", "Deliverable"], in: checkout).status == 0)
        #expect(try Self.git(["push", "--quiet", "origin", "pf/task"], in: checkout).status == 0)
        let head = try Self.git(["rev-parse", "HEAD"], in: checkout).output
        await emulator.notePush(as: "pfbot[bot]", owner: "acme", repo: "widgets", branch: "pf/task", before: nil, after: head, message: "Deliverable")

        let pull = try await client.createPullRequest(repo, NewPullRequest(title: "Task", head: "pf/task", base: "main", draft: false))
        #expect(pull.head.sha == head)
        let merge = try await client.mergePullRequest(repo, number: pull.number, method: .merge, sha: head, commitTitle: nil)
        #expect(try Self.git(["pull", "--quiet", "origin", "main"], in: checkout).status == 0)
        #expect(try Self.git(["rev-parse", "HEAD"], in: checkout).output == merge.sha)
        #expect(FileManager.default.fileExists(atPath: checkout.appendingPathComponent("RESULT.md").path))

        let readOnly = cloneURL.replacingOccurrences(of: "http://", with: "http://x-access-token:pat-rita@")
        #expect(try Self.git(["push", "--quiet", readOnly, "HEAD:refs/heads/rita"], in: checkout).status != 0)
        let badToken = cloneURL.replacingOccurrences(of: "http://", with: "http://x-access-token:wrong@")
        #expect(try Self.git(["ls-remote", badToken], in: work).status != 0)
        #expect(try Self.git(["ls-remote", readOnly], in: work).status == 0)

        await sandbox.stop()
    }
}

import Foundation
import GitHub
import Sandbox
import Testing

@Suite struct GitCLIRepositoryHostTests {
    static func temporaryRoot() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("pfbot-githost-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        return root
    }

    static func git(_ arguments: [String], in directory: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func branchesAndCommitsAreRealGitObjects() async throws {
        let root = try Self.temporaryRoot()
        defer { try? FileManager.default.removeItem(at: root) }
        let host = GitCLIRepositoryHost(root: root)
        let initial = try await host.createRepository(owner: "acme", name: "widgets", defaultBranch: "main")
        #expect(initial.count == 40)
        #expect(try await host.branchSHA(owner: "acme", name: "widgets", branch: "main") == initial)
        #expect(try await host.branchSHA(owner: "acme", name: "widgets", branch: "nope") == nil)
        let work = try await host.commit(owner: "acme", name: "widgets", branch: "feature", from: "main", message: "Work")
        let bare = await host.path(owner: "acme", name: "widgets")
        #expect(try Self.git(["rev-parse", "feature^"], in: bare) == initial)
        #expect(try Self.git(["log", "-1", "--format=%s", work], in: bare) == "Work")
        await #expect(throws: RepositoryHostError.self) {
            _ = try await host.branchSHA(owner: "acme", name: "missing", branch: "main")
        }
    }

    @Test func emulatorMergesMakeMergeCommitsInTheBareRepository() async throws {
        let root = try Self.temporaryRoot()
        defer { try? FileManager.default.removeItem(at: root) }
        let host = GitCLIRepositoryHost(root: root)
        let emulator = GitHubEmulator(host: host)
        let baseURL = try await emulator.start()
        try await emulator.createRepository(owner: "acme", name: "widgets")
        await emulator.registerToken("pat", for: "acme")
        let head = try await emulator.push(as: "acme", owner: "acme", repo: "widgets", branch: "pf/task", from: "main", message: "Deliverable")
        let client = try await GitHubClient(
            configuration: GitHubConfiguration(baseURL: baseURL, authentication: .personalAccessToken("pat"), policy: RateLimitPolicy(writeSpacing: 0)))
        let repo = RepositoryRef(owner: "acme", name: "widgets")
        let pull = try await client.createPullRequest(repo, NewPullRequest(title: "Task", head: "pf/task", base: "main", draft: false))
        let result = try await client.mergePullRequest(repo, number: pull.number, method: .merge, sha: head, commitTitle: "Merge task")
        let bare = await host.path(owner: "acme", name: "widgets")
        let parents = try Self.git(["rev-list", "--parents", "-n", "1", "main"], in: bare).split(separator: " ").map(String.init)
        #expect(parents.first == result.sha)
        #expect(parents.count == 3)
        #expect(parents.last == head)
        await emulator.stop()
    }
}

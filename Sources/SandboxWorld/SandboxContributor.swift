import Foundation
import Git
import GitHub
import PFBotCore

/// A person working in the sandbox: edits a task branch with libgit2 and pushes it (the GitHub emulator is told
/// about the push, as GitHub would be), comments, reviews and merges through the GitHub emulator.
public struct SandboxContributor: Sendable {
    public let login: String
    let world: SandboxWorld

    public init(login: String, world: SandboxWorld) {
        self.login = login
        self.world = world
    }

    var token: String { "token-\(login)" }

    /// Rewrites the branch's files with `edit` (return `nil` to keep a file as is), adds `extra` files, commits and
    /// pushes. Returns the new head.
    @discardableResult
    /// - Parameter base: the branch a new `branch` starts from (`nil`: `branch` exists).
    public func push(to branch: String, from base: String? = nil, message: String, extra: [String: String] = [:],
                     edit: @Sendable (String, String) -> String?) async throws -> String {
        let workspace = LibGit2Workspace(dataDirectory: world.directory.appendingPathComponent("contributor-\(login)"))
        let remote = world.context.git.remoteURL
        let handle = try await workspace.mirror(remoteURL: remote, token: token)
        try await workspace.fetch(in: handle, token: token)
        let start = base ?? branch
        let before = base == nil ? try await workspace.resolve(in: handle, ref: branch) : String(repeating: "0", count: 40)
        var files: [String: String] = [:]
        for entry in try await workspace.listTree(in: handle, ref: start) where entry.kind == .file {
            let text = String(decoding: try await workspace.readFile(in: handle, ref: start, path: entry.path) ?? Data(), as: UTF8.self)
            if let edited = edit(entry.path, text), edited != text { files[entry.path] = edited }
        }
        files.merge(extra) { _, new in new }
        let request = CommitRequest(base: start, branch: branch, files: files.sorted { $0.key < $1.key }.map { GitFile(path: $0.key, text: $0.value) },
                                    message: message, author: GitSignature(name: login, email: "\(login)@example.org"))
        let result = try await workspace.commit(request, in: handle)
        try await workspace.push(in: handle, branches: [branch], force: false, token: token)
        await world.github.emulator.notePush(as: login, owner: SandboxWorld.owner, repo: SandboxWorld.repositoryName, branch: branch,
                                             before: before, after: result.sha, message: message)
        return result.sha
    }

    /// Replaces every `TODO(pf)` and ticks every checklist item.
    public static func completeTemplates(_ path: String, _ text: String) -> String? {
        text.replacingOccurrences(of: "TODO(pf):", with: "Done:").replacingOccurrences(of: "- [ ] ", with: "- [x] ")
    }

    /// Posts a comment on an issue.
    public func comment(on issue: Int, _ body: String) async throws {
        _ = try await world.github.emulator.comment(as: login, owner: SandboxWorld.owner, repo: SandboxWorld.repositoryName, issue: issue, body: body)
    }

    /// Approves (or requests changes on) a pull request.
    public func review(_ pull: Int, approve: Bool) async throws {
        _ = try await world.github.emulator.submitReview(as: login, owner: SandboxWorld.owner, repo: SandboxWorld.repositoryName, pull: pull,
                                                        state: approve ? "APPROVED" : "CHANGES_REQUESTED")
    }

    /// Marks the pull request ready and merges it; returns the merge commit.
    @discardableResult
    public func merge(_ pull: Int) async throws -> String? {
        try? await world.github.emulator.markReadyForReview(as: login, owner: SandboxWorld.owner, repo: SandboxWorld.repositoryName, pull: pull)
        let client = try await GitHubClient(configuration: GitHubConfiguration(
            baseURL: world.github.apiURL, authentication: .personalAccessToken(token), policy: RateLimitPolicy(writeSpacing: 0)))
        return try await client.mergePullRequest(world.repository, number: pull, method: .merge, sha: nil, commitTitle: nil).sha
    }
}

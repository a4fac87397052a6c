import Foundation
import Git
import PFBotCore
import PFBotTestSupport
import Pipeline
import SandboxWorld
import Testing

/// Start-work cut short between its commit and its push (a crash, a failed push) leaves the branch only in pfbot's
/// local mirror; the retried job pushes it and opens the pull request (the soak found it dead on GitHub's 422
/// "PullRequest.head invalid", retried until it gave up).
@Suite(.serialized) struct StartWorkRecoveryTests {
    @Test func aBranchCommittedButNeverPushed_isPushed_andThePullRequestOpens() async throws {
        try await withSandboxWorld(prefix: "pfbot-start-unpushed", collaborators: ["octocat": "admin"]) { world, _ in
            let id = await world.propose(title: "Write the onboarding guide", description: "- Explain installation", pft: 120)
            try await world.sync()
            let record = try #require(try await world.store.task(try TaskID(id)))
            let issue = try #require(record.issueNumber)
            let branch = world.context.configuration.git.branchPrefix + TaskSlug(title: record.task.title, id: record.task.id).rawValue

            // What the interrupted attempt left: the scaffold committed in the mirror, never pushed.
            let git = world.context.git
            let handle = try await git.workspace.mirror(remoteURL: git.remoteURL, token: try await git.token())
            try await git.workspace.fetch(in: handle, token: try await git.token())
            let analysis = TaskAnalyzer().analyze(record.task)
            let library = try PackLibrary.builtIn()
            let choice = try library.choose(for: record.task, analysis: analysis)
            let rendered = try TemplateRenderer().render(choice, library: library, context: PackContext(task: record.task, analysis: analysis, repositoryPaths: []))
            let files = rendered.map { GitFile(path: $0.key, contents: $0.value) }
            let local = try await git.workspace.commit(CommitRequest(
                base: "main", branch: branch, files: files.sorted { $0.path < $1.path }, message: "Scaffold",
                author: GitSignature(name: "pfbot", email: "pfbot@example.invalid"), trailers: []), in: handle)
            #expect(local.created)
            #expect(try await world.github.emulator.branchSHA(owner: "acme", repo: "tasks", branch: branch) == nil)

            try await SandboxContributor(login: "octocat", world: world).comment(on: issue, "/pf accept")
            try await world.settle()
            let started = try #require(try await world.store.task(try TaskID(id)))
            #expect(started.branch == branch)
            #expect(started.pullNumber != nil)
            #expect(try await world.github.emulator.branchSHA(owner: "acme", repo: "tasks", branch: branch) != nil)
            #expect(try await world.store.jobCounts()[.dead] ?? 0 == 0)
        }
    }
}

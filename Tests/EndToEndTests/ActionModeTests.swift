import Foundation
import PFBotCore
import PFBotTestSupport
import Pipeline
import SandboxWorld
import Storage
import Testing

/// `pfbot action` run as GitHub Actions runs it: a separate process, the runner's environment, the event file,
/// an empty store (state comes from the Task Node and GitHub), against the emulators.
@Suite(.serialized) struct ActionModeTests {
    @Test func issueCommentEvent_acceptsTheTask_fromAnEmptyStore_andWritesTheJobSummary() async throws {
        try await withSandboxWorld(prefix: "pfbot-action", collaborators: ["octocat": "admin"]) { world, directory in
            let id = await world.propose(title: "Write the onboarding guide", description: "- Explain installation", pft: 60)
            try await world.sync()
            let issue = try #require(try await world.store.task(try TaskID(id))?.issueNumber)
            // The comment's webhook lands in the sandbox server's inbox; its body becomes the Actions event file.
            try await SandboxContributor(login: "octocat", world: world).comment(on: issue, "/pf accept")
            await world.github.emulator.flushWebhooks()
            let job = try #require(try await world.store.claimJob(worker: "test", kinds: ["webhook"], lease: 60, now: Date()))
            let delivery = try #require(try await world.store.delivery(job.payload))
            let eventFile = try directory.write("event.json", String(decoding: delivery.body, as: UTF8.self))
            let summaryFile = directory.file("summary.md")

            let environment = [
                "GITHUB_ACTIONS": "true", "GITHUB_EVENT_NAME": "issue_comment", "GITHUB_EVENT_PATH": eventFile,
                "GITHUB_TOKEN": SandboxWorld.actionsToken, "GITHUB_REPOSITORY": "acme/tasks", "GITHUB_API_URL": world.github.apiURL,
                "GITHUB_STEP_SUMMARY": summaryFile, "GITHUB_RUN_ID": "42", "GITHUB_RUN_ATTEMPT": "1",
                "PFBOT_TASKNODE_URL": world.taskNodeURL, "PFBOT_WALLET_SEED": SandboxWorld.walletSeed,
                "PFBOT_DATA_DIR": directory.file("action-data"), "PFBOT_GITHUB_WRITE_SPACING_MS": "0",
            ]
            let result = try await CommandRunner().runAsync(["action"], in: directory.path, environment: environment)
            #expect(result.status == 0, "\(result.standardOutput)\n\(result.standardError.suffix(3000))")
            #expect(await world.taskNode.task(id)?.statusKey == "accepted")
            let branch = "pf/" + TaskSlug(title: "Write the onboarding guide", id: try TaskID(id)).rawValue
            let branches = try await world.github.emulator.branchSHA(owner: "acme", repo: "tasks", branch: branch)
            #expect(branches != nil)
            let summary = try String(contentsOfFile: summaryFile, encoding: .utf8)
            #expect(summary.contains("## pfbot"))
            #expect(summary.contains("Event `issue_comment` (`created`)"))
            #expect(summary.contains("| Write the onboarding guide |"))
            // The same run attempt again: the event is not handled twice (no second reply).
            let again = try await CommandRunner().runAsync(["action"], in: directory.path, environment: environment)
            #expect(again.status == 0)
            let replies = try await world.context.github.listComments(world.repository, issue: issue).compactMap(\.body)
                .filter { $0.contains("Accepted on the Task Node") }
            #expect(replies.count == 1)
        }
    }

    @Test func outsideActions_explainsWhatIsMissing() throws {
        let directory = try TemporaryDirectory(prefix: "pfbot-action")
        defer { directory.remove() }
        let result = try CommandRunner().run(["action"], in: directory.path)
        #expect(result.status != 0)
        #expect(result.standardError.contains("GITHUB_EVENT_NAME is not set"))
    }
}

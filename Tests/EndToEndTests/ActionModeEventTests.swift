import Foundation
import GitHub
import PFBotCore
import PFBotTestSupport
import Pipeline
import SandboxWorld
import Storage
import Testing

/// `pfbot action` for each event a user's workflow forwards, run as a separate process with the runner's
/// environment, each run with a new, empty store: everything it needs comes from the Task Node and GitHub.
/// The sandbox's in-process bot drives the steps before the one under test; the webhook GitHub sent for the step
/// under test is taken out of its inbox and handed to `pfbot action` as the event file instead.
@Suite(.serialized) struct ActionModeEventTests {
    static let maintainer = "octocat"
    static let guide = "# Guide\n\n## Installation\n\nRun the installer.\n"

    @Test func pullRequestEvents_runQC_andTheMerge_submitsOnce() async throws {
        try await withSandboxWorld(prefix: "pfbot-action-pr", collaborators: [Self.maintainer: "admin"]) { world, directory in
            let (id, branch, pull) = try await acceptedTask(world)
            let person = SandboxContributor(login: Self.maintainer, world: world)

            // pull_request (synchronize): QC runs on the new head and publishes the check run.
            let head = try await person.push(to: branch, message: "Write the guide", extra: [try await folder(world, id) + "/GUIDE.md": Self.guide],
                                             edit: SandboxContributor.completeTemplates)
            let synchronize = try #require(try await world.takeDeliveries().last { $0.event == "pull_request" })
            let qc = try await runAction(world, directory, event: "pull_request", body: synchronize.body, run: 1)
            #expect(qc.status == 0, "\(qc.standardOutput)\n\(qc.standardError.suffix(3000))")
            let run = try #require(await world.github.emulator.checkRuns(owner: "acme", repo: "tasks").last?.run)
            #expect(run["head_sha"]?.stringValue == head)
            #expect(run["name"]?.stringValue == "pfbot / QC")
            #expect(run["conclusion"]?.stringValue == "success")

            // pull_request_review (approved): recorded; nothing is submitted before the merge.
            try await person.review(pull, approve: true)
            let review = try #require(try await world.takeDeliveries().last { $0.event == "pull_request_review" })
            let reviewed = try await runAction(world, directory, event: "pull_request_review", body: review.body, run: 2)
            #expect(reviewed.status == 0, "\(reviewed.standardError.suffix(3000))")
            #expect(await world.taskNode.task(id)?.statusKey == "accepted")

            // pull_request (closed, merged): submitted to the Task Node, once, even when a later run sees it again.
            try await person.merge(pull)
            let merged = try #require(try await world.takeDeliveries().last {
                $0.event == "pull_request" && String(decoding: $0.body, as: UTF8.self).contains("\"merged\":true")
            })
            let submit = try await runAction(world, directory, event: "pull_request", body: merged.body, run: 3)
            #expect(submit.status == 0, "\(submit.standardOutput)\n\(submit.standardError.suffix(3000))")
            #expect(await world.taskNode.task(id)?.statusKey == "submitted")
            let again = try await runAction(world, directory, event: "pull_request", body: merged.body, run: 4)
            #expect(again.status == 0)
            #expect(await world.acceptedSubmissions() == 1)
            let issue = try #require(try await world.store.task(try TaskID(id))?.issueNumber)
            #expect(try await world.context.github.listComments(world.repository, issue: issue).compactMap(\.body)
                .filter { $0.contains("Submitted to Post Fiat") }.count == 1)
        }
    }

    @Test func changesRequested_onTheHead_blockTheSubmission_inAnActionsRun() async throws {
        try await withSandboxWorld(prefix: "pfbot-action-review", collaborators: [Self.maintainer: "admin", "reviewer": "write"]) { world, directory in
            let (id, branch, pull) = try await acceptedTask(world)
            try await SandboxContributor(login: Self.maintainer, world: world)
                .push(to: branch, message: "Write the guide", extra: [try await folder(world, id) + "/GUIDE.md": Self.guide], edit: SandboxContributor.completeTemplates)
            try await SandboxContributor(login: "reviewer", world: world).review(pull, approve: false)
            let review = try #require(try await world.takeDeliveries().last { $0.event == "pull_request_review" })
            #expect(try await runAction(world, directory, event: "pull_request_review", body: review.body, run: 1).status == 0)
            try await SandboxContributor(login: Self.maintainer, world: world).merge(pull)
            let merged = try #require(try await world.takeDeliveries().last { $0.event == "pull_request" })
            let result = try await runAction(world, directory, event: "pull_request", body: merged.body, run: 2)
            #expect(result.status == 0, "\(result.standardError.suffix(3000))")
            #expect(await world.taskNode.task(id)?.statusKey == "accepted")
            #expect(await world.acceptedSubmissions() == 0)
            let issue = try #require(try await world.store.task(try TaskID(id))?.issueNumber)
            #expect(try await world.context.github.listComments(world.repository, issue: issue).compactMap(\.body)
                .contains { $0.contains("Not submitted: @reviewer requested changes") })
        }
    }

    @Test func pushEvent_runsQCOnThePushedCommit() async throws {
        try await withSandboxWorld(prefix: "pfbot-action-push", collaborators: [Self.maintainer: "admin"]) { world, directory in
            let (id, branch, _) = try await acceptedTask(world)
            let head = try await SandboxContributor(login: Self.maintainer, world: world)
                .push(to: branch, message: "Work in progress", extra: [try await folder(world, id) + "/notes.md": "draft\n"]) { _, _ in nil }
            let push = try #require(try await world.takeDeliveries().last { $0.event == "push" })
            let result = try await runAction(world, directory, event: "push", body: push.body, run: 1)
            #expect(result.status == 0, "\(result.standardError.suffix(3000))")
            let run = try #require(await world.github.emulator.checkRuns(owner: "acme", repo: "tasks").last?.run)
            #expect(run["head_sha"]?.stringValue == head)
            #expect(run["conclusion"]?.stringValue == "failure")
        }
    }

    @Test(arguments: ["check_run", "check_suite"])
    func rerequestedQCCheck_runsQCAgain_onTheSameHead(event: String) async throws {
        try await withSandboxWorld(prefix: "pfbot-action-rerun", collaborators: [Self.maintainer: "admin"]) { world, directory in
            _ = try await acceptedTask(world)
            let first = try #require(await world.github.emulator.checkRuns(owner: "acme", repo: "tasks").last?.run)
            let head = try #require(first["head_sha"]?.stringValue)
            let runID = try #require(first["id"]?.intValue)
            _ = try await world.takeDeliveries()
            if event == "check_run" {
                try await world.github.emulator.rerequestCheckRun(as: Self.maintainer, owner: "acme", repo: "tasks", id: runID)
            } else {
                try await world.github.emulator.rerequestCheckSuite(as: Self.maintainer, owner: "acme", repo: "tasks", id: try #require(first["check_suite"]?["id"]?.intValue))
            }
            let rerequest = try #require(try await world.takeDeliveries().last { $0.event == event })
            let result = try await runAction(world, directory, event: event, body: rerequest.body, run: 1)
            #expect(result.status == 0, "\(result.standardOutput)\n\(result.standardError.suffix(3000))")
            // The run's empty store also catches up on the head (no verdict in it yet); the event is what asks again.
            let store = try await StoreFactory.open(.sqlite(path: directory.file("action-data-\(event)-1/pfbot.sqlite")))
            let audit = try await store.auditLog(limit: 100)
            try await store.close()
            #expect(audit.contains { $0.action == "qc.rerequested" && $0.actor == Self.maintainer && $0.detail == head })
            let runs = await world.github.emulator.checkRuns(owner: "acme", repo: "tasks").map(\.run).filter { $0["head_sha"]?.stringValue == head }
            #expect(runs.count >= 2)
            #expect(runs.allSatisfy { $0["status"]?.stringValue == "completed" && $0["conclusion"]?.stringValue == "failure" })
        }
    }

    @Test(arguments: [("schedule", #"{"schedule":"*/15 * * * *"}"#), ("workflow_dispatch", #"{"inputs":{},"ref":"refs/heads/main"}"#)])
    func scheduledAndManualRuns_mirrorNewProposals(event: String, body: String) async throws {
        try await withSandboxWorld(prefix: "pfbot-action-sync", collaborators: [Self.maintainer: "admin"]) { world, directory in
            let id = await world.propose(title: "Build a validator uptime dataset", description: "- Collect uptime", pft: 90)
            let summaryFile = directory.file("summary-\(event).md")
            let result = try await runAction(world, directory, event: event, body: Array(body.utf8), run: 1, summary: summaryFile)
            #expect(result.status == 0, "\(result.standardError.suffix(3000))")
            let marker = IssueBody.marker(for: try TaskID(id))
            let issues = try await world.context.github.listIssues(world.repository, IssueQuery(state: "all"))
            #expect(issues.filter { $0.body?.contains(marker) == true }.count == 1)
            let summary = try String(contentsOfFile: summaryFile, encoding: .utf8)
            #expect(summary.contains("Event `\(event)`"))
            #expect(summary.contains("| Build a validator uptime dataset | proposed |"))
            // A second scheduled run finds the issue by its marker and opens no other.
            #expect(try await runAction(world, directory, event: event, body: Array(body.utf8), run: 2).status == 0)
            #expect(try await world.context.github.listIssues(world.repository, IssueQuery(state: "all")).count == issues.count)
        }
    }

    // MARK: - Helpers

    /// Proposes a docs task, syncs and has the maintainer accept it, all in-process: the branch and the draft pull
    /// request exist and QC failed on the scaffold. The webhooks of these steps are handled by the sandbox's bot.
    func acceptedTask(_ world: SandboxWorld) async throws -> (id: String, branch: String, pull: Int) {
        let id = await world.propose(title: "Write the onboarding guide", description: "- Explain installation", pft: 120)
        try await world.sync()
        let issue = try #require(try await world.store.task(try TaskID(id))?.issueNumber)
        try await SandboxContributor(login: Self.maintainer, world: world).comment(on: issue, "/pf accept")
        try await world.settle()
        let record = try #require(try await world.store.task(try TaskID(id)))
        return (id, try #require(record.branch), try #require(record.pullNumber))
    }

    func folder(_ world: SandboxWorld, _ id: String) async throws -> String {
        TemplateRenderer.folder(for: try #require(try await world.store.task(try TaskID(id))).task)
    }

    /// Runs `pfbot action` as the runner would, with a store of its own that starts empty.
    func runAction(_ world: SandboxWorld, _ directory: TemporaryDirectory, event: String, body: [UInt8], run: Int,
                   summary: String? = nil, extra: [String: String] = [:]) async throws -> CommandRunner.Result {
        let eventFile = try directory.write("event-\(run).json", String(decoding: body, as: UTF8.self))
        var environment = actionEnvironment(world, directory, run: run)
        environment["GITHUB_EVENT_NAME"] = event
        environment["GITHUB_EVENT_PATH"] = eventFile
        environment["GITHUB_STEP_SUMMARY"] = summary ?? directory.file("summary-\(run).md")
        environment["PFBOT_DATA_DIR"] = directory.file("action-data-\(event)-\(run)")
        environment.merge(extra) { _, new in new }
        return try await CommandRunner().runAsync(["action"], in: directory.path, environment: environment)
    }

    /// The environment of an Actions runner for run number `run`, without the event.
    func actionEnvironment(_ world: SandboxWorld, _ directory: TemporaryDirectory, run: Int) -> [String: String] {
        [
            "GITHUB_ACTIONS": "true", "GITHUB_TOKEN": SandboxWorld.actionsToken, "GITHUB_REPOSITORY": "acme/tasks", "GITHUB_API_URL": world.github.apiURL,
            "GITHUB_RUN_ID": "\(900 + run)", "GITHUB_RUN_ATTEMPT": "1", "PFBOT_TASKNODE_URL": world.taskNodeURL, "PFBOT_WALLET_SEED": SandboxWorld.walletSeed,
            "PFBOT_DATA_DIR": directory.file("action-data-pull_request-\(run)"), "PFBOT_GITHUB_WRITE_SPACING_MS": "0",
            "RUNNER_TEMP": directory.file("runner-temp"),
        ]
    }
}

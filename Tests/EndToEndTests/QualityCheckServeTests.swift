import AsyncHTTPClient
import Foundation
import GitHub
import JSON
import PFBotCore
import PFBotTestSupport
import Pipeline
import Sandbox
import SandboxWorld
import Testing

/// The "pfbot / QC" check run as GitHub users see it, with `pfbot serve` as its own process receiving the GitHub
/// emulator's signed webhooks: in progress while QC runs, then completed, carrying the task id and a link to the
/// task's page; "Re-run" on the run or on its suite runs QC again.
@Suite(.serialized) struct QualityCheckServeTests {
    static let maintainer = "octocat"
    static let publicURL = "https://pfbot.example.org"

    @Test func qcCheck_goesInProgressThenCompleted_andReRunJudgesTheHeadAgain() async throws {
        try await withSandboxWorld(prefix: "pfbot-serve-checks", collaborators: [Self.maintainer: "admin"]) { world, directory in
            let (id, branch) = try await world.acceptedDocsTask(by: Self.maintainer)
            let server = try await ServeProcess.launch(in: directory.path, environment: [
                "PFBOT_SERVER_HOST": "127.0.0.1", "PFBOT_SERVER_PORT": "0", "PFBOT_SERVER_PUBLIC_URL": Self.publicURL + "/",
                "PFBOT_GITHUB_WEBHOOK_SECRET": SandboxWorld.webhookSecret, "GITHUB_TOKEN": SandboxWorld.actionsToken,
                "PFBOT_GITHUB_REPOSITORY": "acme/tasks", "PFBOT_GITHUB_API_URL": world.github.apiURL, "PFBOT_GITHUB_WRITE_SPACING_MS": "0",
                "PFBOT_TASKNODE_URL": world.taskNodeURL, "PFBOT_WALLET_SEED": SandboxWorld.walletSeed, "PFBOT_DATA_DIR": directory.file("serve-data"),
            ])
            defer { server.kill() }
            // From now on GitHub's webhooks go to the `pfbot serve` process, which learns the task by reconciling.
            await world.github.emulator.configureWebhooks(url: "http://127.0.0.1:\(server.port)/webhooks/github", secret: SandboxWorld.webhookSecret)
            let page = "/dashboard/tasks/\(id)"
            try await eventually("the server's task page") { try await Self.get(page, port: server.port).status == 200 }

            let folder = TemplateRenderer.folder(for: try #require(try await world.store.task(try TaskID(id))).task)
            let head = try await SandboxContributor(login: Self.maintainer, world: world)
                .push(to: branch, message: "Write the guide", extra: [folder + "/GUIDE.md": "# Guide\n\n## Installation\n\nRun the installer.\n"],
                      edit: SandboxContributor.completeTemplates)
            let first = try await completedRuns(world, head: head, count: 1)[0]

            // Created in progress (with its start, the task id and the Details link), then completed in place.
            let created = try #require(await creations(world, head: head).first)
            #expect(created["status"] as? String == "in_progress")
            #expect(created["started_at"] is String)
            #expect(created["conclusion"] == nil)
            #expect(created["external_id"] as? String == id)
            #expect(created["details_url"] as? String == Self.publicURL + page)
            let completions = await world.botRequests().filter { $0.method == "PATCH" && $0.path == "/repos/acme/tasks/check-runs/\(first["id"]?.intValue ?? -1)" }
            #expect(completions.count == 1)
            #expect(completions.first.flatMap { Self.object($0.body) }?["status"] as? String == "completed")
            #expect(first["conclusion"]?.stringValue == "success")
            #expect(first["external_id"]?.stringValue == id)
            #expect(first["details_url"]?.stringValue == Self.publicURL + page)
            #expect(first["started_at"]?.stringValue != nil && first["completed_at"]?.stringValue != nil)
            // The Details link's page, served by the same process.
            // The verdict is recorded after the check completes (and after the QC report comment): wait for it.
            try await eventually("the verdict on the task's page") { try await Self.get(page, port: server.port).body.contains("QC rules passed") }
            let details = try await Self.get(page, port: server.port)
            #expect(details.body.contains("Write the onboarding guide"))

            // The recorded verdict is made wrong behind pfbot's back: a cached answer would keep it, a new judgement fixes it.
            try Self.sql(directory.file("serve-data/pfbot.sqlite"), "UPDATE qc_verdicts SET conclusion = 'failure', title = 'tampered'")
            #expect(try await Self.get(page, port: server.port).body.contains("tampered"))
            try await world.github.emulator.rerequestCheckRun(as: Self.maintainer, owner: "acme", repo: "tasks", id: try #require(first["id"]?.intValue))
            let second = try await completedRuns(world, head: head, count: 2)[1]
            #expect(second["conclusion"]?.stringValue == "success")
            #expect(second["external_id"]?.stringValue == id)
            try await eventually("the verdict judged again") { try await !Self.get(page, port: server.port).body.contains("tampered") }

            // "Re-run all checks" on the suite: a third run on the same head.
            let suite = try #require(first["check_suite"]?["id"]?.intValue)
            try await world.github.emulator.rerequestCheckSuite(as: Self.maintainer, owner: "acme", repo: "tasks", id: suite)
            let third = try await completedRuns(world, head: head, count: 3)[2]
            #expect(third["conclusion"]?.stringValue == "success")
            #expect(await creations(world, head: head).count == 3)
        }
    }

    /// Re-run on another tool's check run on a task branch is not pfbot's to answer.
    @Test func reRunOfAnotherCheck_onATaskHead_runsNoQC() async throws {
        try await withSandboxWorld(prefix: "pfbot-rerun-other", collaborators: [Self.maintainer: "admin"]) { world, _ in
            _ = try await world.acceptedDocsTask(by: Self.maintainer)
            let qc = try #require(await world.github.emulator.checkRuns(owner: "acme", repo: "tasks").last?.run)
            let head = try #require(qc["head_sha"]?.stringValue)
            let other = try await world.context.github.createCheckRun(world.repository, CheckRunRequest(
                name: "ci / build", headSha: head, status: .completed, conclusion: .success, output: CheckRunOutput(title: "built", summary: "ok")))
            try await world.settle()
            let before = await world.github.emulator.checkRuns(owner: "acme", repo: "tasks").count
            try await world.github.emulator.rerequestCheckRun(as: Self.maintainer, owner: "acme", repo: "tasks", id: other.id)
            try await world.settle()
            #expect(await world.github.emulator.checkRuns(owner: "acme", repo: "tasks").count == before)
            // The same button on pfbot's own run does run QC again (the control for the assertion above).
            try await world.github.emulator.rerequestCheckRun(as: Self.maintainer, owner: "acme", repo: "tasks", id: try #require(qc["id"]?.intValue))
            try await world.settle()
            #expect(await world.github.emulator.checkRuns(owner: "acme", repo: "tasks").count == before + 1)
        }
    }

    /// The bodies of the bot's check-run creations on `head`, oldest first.
    func creations(_ world: SandboxWorld, head: String) async -> [[String: Any]] {
        await world.botRequests().filter { $0.method == "POST" && $0.path == "/repos/acme/tasks/check-runs" }
            .compactMap { Self.object($0.body) }.filter { $0["head_sha"] as? String == head }
    }

    static func object(_ body: Data) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
    }

    /// The completed "pfbot / QC" runs on `head`, oldest first, once there are `count` of them.
    func completedRuns(_ world: SandboxWorld, head: String, count: Int) async throws -> [JSONValue] {
        var runs: [JSONValue] = []
        try await eventually("\(count) completed QC runs on \(head.prefix(12))") {
            runs = await world.github.emulator.checkRuns(owner: "acme", repo: "tasks").map(\.run)
                .filter { $0["head_sha"]?.stringValue == head && $0["name"]?.stringValue == "pfbot / QC" && $0["status"]?.stringValue == "completed" }
            return runs.count >= count
        }
        return runs
    }

    func eventually(_ what: String, _ condition: () async throws -> Bool) async throws {
        let deadline = Date().addingTimeInterval(90)
        while Date() < deadline {
            if (try? await condition()) == true { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("timed out waiting for \(what)")
        throw FixtureError.missing(what)
    }

    static func get(_ path: String, port: Int) async throws -> (status: Int, body: String) {
        try await ServeDurabilityTests.get(path, port: port)
    }

    /// Runs one SQL statement on the server's SQLite file (as an operator's `sqlite3` would, while it runs).
    static func sql(_ path: String, _ statement: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sqlite3,sys\nc=sqlite3.connect(sys.argv[1],timeout=10)\nc.execute(sys.argv[2])\nc.commit()", path, statement]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw FixtureError.missing("sqlite3 could not run \(statement)") }
    }
}

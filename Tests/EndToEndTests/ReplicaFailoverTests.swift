import Foundation
import PFBotCore
import PFBotTestSupport
import Pipeline
import Sandbox
import SandboxWorld
import Storage
import Testing

/// Two `pfbot serve` replicas as separate processes on one PostgreSQL database, the GitHub emulator's signed webhooks
/// spread over both. The holder of the scheduler lease is killed with SIGKILL; the other takes over the Task Node
/// poller within the lease's TTL, every delivery is processed once, and no effect is duplicated, counted from the
/// emulators' own records.
@Suite(.serialized) struct ReplicaFailoverTests {
    static let maintainer = "octocat"
    static let leaseSeconds = 3
    static let jobLeaseSeconds = 5

    @Test func sigkillOfTheLeaseHolder_theOtherReplicaTakesOverThePoller_andNoEffectIsDuplicated() async throws {
        let database = try await PostgresTestDatabase.create()
        do {
            try await withSandboxWorld(prefix: "pfbot-failover", collaborators: [Self.maintainer: "admin"]) { world, directory in
                try await failover(world, directory, databaseURL: database.url)
            }
            await database.remove()
        } catch {
            await database.remove()
            throw error
        }
    }

    private func failover(_ world: SandboxWorld, _ directory: TemporaryDirectory, databaseURL: String) async throws {
        let first = try await ServeReplica.start("a", in: directory.path, environment: Self.environment(world, directory, "a", databaseURL))
        defer { first.command.stop() }
        let second = try await ServeReplica.start("b", in: directory.path, environment: Self.environment(world, directory, "b", databaseURL))
        defer { second.command.stop() }
        do {
            try await scenario(world, first, second, databaseURL: databaseURL)
        } catch {
            Issue.record("log of replica a:\n\(first.command.log.suffix(8000))\n\nlog of replica b:\n\(second.command.log.suffix(8000))")
            throw error
        }
    }

    private func scenario(_ world: SandboxWorld, _ first: ServeReplica, _ second: ServeReplica, databaseURL: String) async throws {
        let replicas = [first, second]
        await route(world, to: first)

        // Exactly one replica holds the lease, and it alone polls: the proposal becomes one issue.
        let holder = try await eventually("one replica holding the scheduler lease") { () async -> ServeReplica? in
            var holders: [ServeReplica] = []
            for replica in replicas where await replica.holdsSchedulerLease() == true { holders.append(replica) }
            #expect(holders.count <= 1, "both replicas hold the scheduler lease")
            return holders.count == 1 ? holders[0] : nil
        }
        let survivor = holder.name == first.name ? second : first
        #expect(holder.command.log.contains("scheduler lease acquired by"))
        #expect(!survivor.command.log.contains("scheduler lease acquired by"))
        let firstTask = await world.propose(title: "Write the onboarding guide", description: "- Explain installation", pft: 120)
        let firstIssue = try await eventually("the first task's issue") { await issueNumber(world, task: firstTask) }
        try await announced(world, issue: firstIssue)

        // Commands arrive at both replicas; the workers of both share the queue.
        var commands: [Int] = []
        await route(world, to: first)
        commands.append(try await comment(world, firstIssue, "/pf status"))
        await route(world, to: second)
        commands.append(try await comment(world, firstIssue, "/pf status"))
        await route(world, to: survivor)
        commands.append(try await comment(world, firstIssue, "/pf accept"))
        try await eventually("the accepted task's QC check") {
            let accepted = await world.taskNode.task(firstTask)?.statusKey == "accepted"
            let checked = await world.github.emulator.checkRuns(owner: "acme", repo: "tasks").contains { $0.run["status"]?.stringValue == "completed" }
            return accepted && checked
        }
        try await eventually("the replies to the first commands") { await replies(world, to: commands).count == commands.count }

        // A command acknowledged by the holder, which is killed at once: the survivor must carry it out. (The emulator
        // picks a delivery's address when the event happens, so what follows the comment goes to the survivor.)
        await route(world, to: holder)
        commands.append(try await comment(world, firstIssue, "/pf status"))
        await route(world, to: survivor)
        await world.github.emulator.flushWebhooks()
        holder.command.send(SIGKILL)
        _ = try await holder.command.waitForExit(seconds: 10)

        // The survivor takes the lease over and polls: a new proposal becomes its issue.
        let secondTask = await world.propose(title: "Survey the contributors", description: "- Ask ten contributors", pft: 80)
        // Within a generous bound: ten lease lengths, a poll interval included.
        let secondIssue = try await eventually("the second task's issue, opened by the survivor", seconds: Double(10 * Self.leaseSeconds)) {
            await issueNumber(world, task: secondTask)
        }
        try await announced(world, issue: secondIssue)
        #expect(await survivor.holdsSchedulerLease() == true)
        #expect(survivor.command.log.contains("scheduler lease acquired by"))
        commands.append(try await comment(world, secondIssue, "/pf status"))
        try await eventually("a reply to every command") { await replies(world, to: commands).count == commands.count }

        // Quiet for longer than a job lease, so a job run twice would show.
        try await Task.sleep(for: .seconds(Self.jobLeaseSeconds + 2))
        let deliveries = await world.github.emulator.deliveries()
        #expect(deliveries.allSatisfy { $0.statusCode == 202 }, "\(deliveries.map { "\($0.event) \($0.statusCode)" })")
        let bot = await world.botRequests()
        #expect(createdIssues(bot, task: firstTask) == 1)
        #expect(createdIssues(bot, task: secondTask) == 1)
        #expect(bot.filter { $0.method == "POST" && $0.path == "/repos/acme/tasks/pulls" && $0.status == 201 }.count == 1)
        let markers = commentMarkers(bot)
        #expect(Set(markers).count == markers.count, "comments posted twice: \(markers.sorted())")
        for command in commands {
            #expect(markers.filter { $0.hasSuffix(" command:\(command)") }.count == 1, "replies to comment \(command): \(markers)")
        }
        // A Task Node action is a `config` read, then the signed `submit` write.
        let writes = await world.taskNode.recorded.filter { exchange in
            exchange.request.method == "POST" && exchange.request.path == "/api/tasks/action"
                && (try? JSONSerialization.jsonObject(with: exchange.request.body) as? [String: Any])?["phase"] as? String == "submit"
        }
        #expect(writes.count == 1)
        #expect(await world.taskNode.task(firstTask)?.events.filter { $0["transition"]?.stringValue == "accepted" }.count == 1)

        let store = try await StoreFactory.open(.postgres(url: databaseURL))
        var unprocessed: [String] = []
        for delivery in deliveries where try await store.delivery(delivery.guid)?.processedAt == nil { unprocessed.append(delivery.guid) }
        let drained = try? await eventually("the job queue to drain", seconds: 30) { () async throws -> [JobState: Int]? in
            let jobs = try await store.jobCounts()
            return (jobs[.queued] ?? 0) + (jobs[.running] ?? 0) == 0 ? jobs : nil
        }
        try await store.close()
        #expect(unprocessed.isEmpty, "deliveries not processed: \(unprocessed)")
        #expect(drained != nil && (drained?[.dead] ?? 0) == 0, "\(String(describing: drained))")
    }

    /// What the failover's first, full pass does with a proposal that arrived meanwhile: its poll queues the announce job,
    /// which a worker runs at once, while the pass goes on to reconcile the same task. One issue comes out of it.
    @Test func announceJobAndReconciler_racingForANewProposal_openOneIssue() async throws {
        try await withSandboxWorld(prefix: "pfbot-issue-race", collaborators: [Self.maintainer: "admin"]) { world, _ in
            var tasks: [String] = []
            for round in 0..<3 {
                for index in 0..<5 {
                    tasks.append(await world.propose(title: "Write guide \(round).\(index)", description: "- Explain installation", pft: 50))
                }
                _ = try await world.monitor.poll()
                async let reconciled = Reconciler(context: world.context).reconcile()
                async let ran = world.runner.drain()
                let report = try await reconciled
                _ = try await ran
                #expect(report.problems.isEmpty, "\(report.problems)")
            }
            let bot = await world.botRequests()
            for task in tasks {
                #expect(createdIssues(bot, task: task) == 1, "issues opened for \(task)")
            }
        }
    }

    static func environment(_ world: SandboxWorld, _ directory: TemporaryDirectory, _ name: String, _ databaseURL: String) -> [String: String] {
        [
            "PFBOT_SERVER_HOST": "127.0.0.1", "PFBOT_SERVER_PORT": "0", "PFBOT_LOG_LEVEL": "info", "PFBOT_STORAGE_URL": databaseURL,
            "PFBOT_GITHUB_WEBHOOK_SECRET": SandboxWorld.webhookSecret, "GITHUB_TOKEN": SandboxWorld.actionsToken,
            "PFBOT_GITHUB_REPOSITORY": "acme/tasks", "PFBOT_GITHUB_API_URL": world.github.apiURL, "PFBOT_GITHUB_WRITE_SPACING_MS": "0",
            "PFBOT_TASKNODE_URL": world.taskNodeURL, "PFBOT_WALLET_SEED": SandboxWorld.walletSeed, "PFBOT_DATA_DIR": directory.file("data-\(name)"),
            "PFBOT_TASKNODE_POLL_INTERVAL_SECONDS": "5", "PFBOT_SERVER_SCHEDULER_LEASE_SECONDS": String(leaseSeconds),
            "PFBOT_SERVER_JOB_LEASE_SECONDS": String(jobLeaseSeconds),
        ]
    }

    /// Sends GitHub's webhooks from now on to `replica`.
    private func route(_ world: SandboxWorld, to replica: ServeReplica) async {
        await world.github.emulator.configureWebhooks(url: replica.webhookURL, secret: SandboxWorld.webhookSecret)
    }

    /// The maintainer comments `body` on `issue`; returns the comment's id.
    private func comment(_ world: SandboxWorld, _ issue: Int, _ body: String) async throws -> Int {
        try await world.github.emulator.comment(as: Self.maintainer, owner: "acme", repo: "tasks", issue: issue, body: body)
    }

    /// Waits for the proposal comment on `issue`: pfbot has recorded the issue as its task's by then, so commands on it
    /// find the task (a command in the moment between the issue's creation and that record would find none).
    private func announced(_ world: SandboxWorld, issue: Int) async throws {
        try await eventually("the proposal comment on #\(issue)") { commentMarkers(await world.botRequests()).contains("/issues/\(issue) proposal") }
    }

    /// The number of the issue carrying `task`'s marker, as the GitHub emulator holds it.
    private func issueNumber(_ world: SandboxWorld, task: String) async -> Int? {
        guard let id = try? TaskID(task) else { return nil }
        for number in 1...100 {
            guard let issue = await world.github.emulator.issue(owner: "acme", repo: "tasks", number: number) else { continue }
            if issue["body"]?.stringValue?.contains(IssueBody.marker(for: id)) == true { return number }
        }
        return nil
    }

    /// Issues the bot created with `task`'s marker.
    private func createdIssues(_ requests: [RecordedRequest], task: String) -> Int {
        guard let id = try? TaskID(task) else { return 0 }
        return requests.filter { $0.method == "POST" && $0.path == "/repos/acme/tasks/issues" && $0.status == 201
            && Self.text($0.body)?.contains(IssueBody.marker(for: id)) == true }.count
    }

    /// Every comment the bot created, as `/issues/NUMBER EVENT` (its issue and its event marker), one entry per comment.
    private func commentMarkers(_ requests: [RecordedRequest]) -> [String] {
        let prefix = "/repos/acme/tasks"
        return requests.filter { $0.method == "POST" && $0.path.hasPrefix(prefix + "/issues/") && $0.path.hasSuffix("/comments") && $0.status == 201 }
            .compactMap { request in
                guard let body = Self.text(request.body), let start = body.range(of: "<!-- pfbot:event="),
                      let end = body[start.upperBound...].range(of: " -->") else { return nil }
                let issue = request.path.dropFirst(prefix.count).dropLast("/comments".count)
                return "\(issue) \(body[start.upperBound..<end.lowerBound])"
            }
    }

    /// The bot's replies to the comments `ids`.
    private func replies(_ world: SandboxWorld, to ids: [Int]) async -> [String] {
        let wanted = Set(ids.map { "command:\($0)" })
        return commentMarkers(await world.botRequests()).filter { marker in wanted.contains { marker.hasSuffix(" " + $0) } }
    }

    /// The `body` field of a JSON request body.
    private static func text(_ body: Data) -> String? {
        (try? JSONSerialization.jsonObject(with: body) as? [String: Any])?["body"] as? String
    }

    private func eventually<T>(_ what: String, seconds: Double = 60, _ probe: () async throws -> T?) async throws -> T {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let value = try await probe() { return value }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw FixtureError.missing("timed out after \(Int(seconds)) s waiting for \(what)")
    }

    private func eventually(_ what: String, seconds: Double = 60, _ condition: () async throws -> Bool) async throws {
        _ = try await eventually(what, seconds: seconds) { try await condition() ? true : nil }
    }
}

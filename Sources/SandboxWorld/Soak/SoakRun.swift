import Foundation
import Sandbox

/// A fault soak: the GitHub and Task Node emulators on loopback injecting faults, `pfbot serve` as a real child process
/// receiving the GitHub emulator's signed webhooks and SIGKILLed and restarted every few seconds, and many tasks driven
/// through their whole lifecycle at once. It ends when every task is done or the time limit passes, and counts losses
/// and duplicates from the emulators' own records (``SoakResult``).
public struct SoakRun: Sendable {
    static let appID = 4242
    static let installationID = 77

    let options: SoakOptions
    let narrate: @Sendable (String) -> Void

    /// - Parameters:
    ///   - options: what to run.
    ///   - narrate: where progress lines go (standard error in `PFBotBench soak`).
    public init(options: SoakOptions, narrate: @escaping @Sendable (String) -> Void) {
        self.options = options
        self.narrate = narrate
    }

    /// Runs the soak and counts.
    /// - Throws: ``SoakError`` or the sandbox's error when the soak cannot start; losses and duplicates are in the result.
    public func run() async throws -> SoakResult {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pfbot-soak-\(UUID().uuidString.prefix(8))")
        let world = try await SandboxWorld.start(directory: directory.appendingPathComponent("world"),
                                                 collaborators: [SoakTaskDriver.maintainer: "admin"])
        narrate("soak folder: \(directory.path)")
        do {
            let result = try await soak(world, directory: directory)
            await world.stop()
            if !options.keep { try? FileManager.default.removeItem(at: directory) }
            return result
        } catch {
            await world.stop()
            narrate("the soak's folder is kept for its logs: \(directory.path)")
            throw error
        }
    }

    private func soak(_ world: SandboxWorld, directory: URL) async throws -> SoakResult {
        let serve = SoakServe(pfbot: options.pfbot, directory: directory, environment: try await prepare(world, directory: directory))
        let port = try await serve.start()
        narrate("pfbot serve listens on 127.0.0.1:\(port); faults on; \(options.tasks) tasks, \(options.concurrency) at a time, "
            + "SIGKILL every \(Int(options.killEvery)) s, time limit \(Int(options.timeLimit)) s")
        await world.github.emulator.configureWebhooks(url: "http://127.0.0.1:\(port)/webhooks/github", secret: SandboxWorld.webhookSecret)
        await injectFaults(world)

        let started = Date()
        let deadline = started.addingTimeInterval(options.timeLimit)
        let chaos = SoakChaos(world: world, serve: serve, options: options, narrate: narrate)
        let background = Task { await chaos.run(until: deadline) }
        let outcomes = await drive(world, deadline: deadline)
        background.cancel()
        let stats = await background.value
        await serve.kill()
        let seconds = Date().timeIntervalSince(started)
        await world.github.emulator.setFaults(GitHubEmulatorFaults())
        await world.taskNode.setFaults(TaskNodeEmulatorFaults())
        return await result(world, outcomes: outcomes, stats: stats, seconds: seconds, timedOut: Date() >= deadline)
    }

    /// The App pfbot authenticates as, the Task Node's and GitHub's limits for this volume, and serve's environment.
    private func prepare(_ world: SandboxWorld, directory: URL) async throws -> [String: String] {
        let key = try await world.github.emulator.registerGeneratedApp(id: Self.appID, slug: "pfbot", installationID: Self.installationID)
        await world.github.emulator.setRateLimit(10_000_000)
        await world.taskNode.configure { options in
            for cap in options.agentCaps.keys { options.agentCaps[cap] = 1_000_000 }
            options.writeRouteSharedLimit = 1_000
        }
        return [
            "PFBOT_SERVER_HOST": "127.0.0.1", "PFBOT_LOG_LEVEL": "info", "PFBOT_DATA_DIR": directory.appendingPathComponent("serve-data").path,
            "PFBOT_GITHUB_WEBHOOK_SECRET": SandboxWorld.webhookSecret, "PFBOT_GITHUB_REPOSITORY": "\(SandboxWorld.owner)/\(SandboxWorld.repositoryName)",
            "PFBOT_GITHUB_API_URL": world.github.apiURL, "PFBOT_GITHUB_APP_ID": String(Self.appID),
            "PFBOT_GITHUB_INSTALLATION_ID": String(Self.installationID), "PFBOT_GITHUB_PRIVATE_KEY": key, "PFBOT_GITHUB_WRITE_SPACING_MS": "0",
            "PFBOT_TASKNODE_URL": world.taskNodeURL, "PFBOT_WALLET_SEED": SandboxWorld.walletSeed, "PFBOT_TASKNODE_POLL_INTERVAL_SECONDS": "5",
            "PFBOT_TASKNODE_TIMEOUT_SECONDS": "10", "PFBOT_LEDGER_RPC_URLS": world.ledgerServer.url,
            "PFBOT_SERVER_JOB_LEASE_SECONDS": "5", "PFBOT_SERVER_SCHEDULER_LEASE_SECONDS": "3", "PFBOT_SERVER_WORKERS": "4",
            "PFBOT_FILTERS_MAX_IN_FLIGHT": "100", "PFBOT_TASKNODE_AGENT_CAPS": "none",
        ]
    }

    /// GitHub: 10 % 5xx, 2 % secondary rate limits, every new issue and pull request 404 on its first read, 5 % of
    /// webhooks dropped. Task Node: 5 % 429 with `retryAfterSeconds`, 5 % 503, writes 3 s behind in reads.
    private func injectFaults(_ world: SandboxWorld) async {
        await world.github.emulator.setFaults(GitHubEmulatorFaults(serverErrorRate: 0.10, webhookDropRate: 0.05, readAfterWriteLag: 1, seed: options.seed,
                                                                   secondaryRateLimitRate: 0.02))
        await world.taskNode.setFaults(TaskNodeEmulatorFaults(rateLimitRate: 0.05, retryAfterSeconds: 1, serverErrorRate: 0.05,
                                                              projectionLagSeconds: 3, seed: options.seed &+ 1))
    }

    /// Runs the task drivers, `concurrency` at a time, until all end or the deadline passes.
    private func drive(_ world: SandboxWorld, deadline: Date) async -> [SoakTaskDriver.Outcome] {
        let view = SoakView(world: world)
        let git = SoakGate(), ledger = SoakGate()
        let narrate = narrate
        return await withTaskGroup(of: SoakTaskDriver.Outcome.self) { group in
            var outcomes: [SoakTaskDriver.Outcome] = []
            var next = 0
            func add() {
                let driver = SoakTaskDriver(world: world, view: view, index: next + 1, deadline: deadline, git: git, ledger: ledger)
                group.addTask { await driver.run() }
                next += 1
            }
            while next < min(options.concurrency, options.tasks) { add() }
            for await outcome in group {
                outcomes.append(outcome)
                let done = outcomes.filter { $0.stage == .done }.count
                if outcomes.count % 10 == 0 || outcomes.count == options.tasks {
                    narrate("  \(outcomes.count)/\(options.tasks) tasks ended, \(done) done")
                }
                if next < options.tasks, Date() < deadline { add() }
            }
            return outcomes
        }
    }

    private func result(_ world: SandboxWorld, outcomes: [SoakTaskDriver.Outcome], stats: SoakChaos.Stats, seconds: Double,
                        timedOut: Bool) async -> SoakResult {
        let census = await SoakCensus.take(world: world, taskIDs: outcomes.map(\.taskID))
        let unfinished = outcomes.filter { $0.stage != .done }
        var stalled = Dictionary(grouping: unfinished, by: \.stage).mapValues(\.count)
        let neverStarted = options.tasks - outcomes.count
        if neverStarted > 0 { stalled[.proposed, default: 0] += neverStarted }
        let lost = unfinished.sorted { $0.index < $1.index }.map { outcome in
            "task \(outcome.index) \(outcome.taskID) issue #\(outcome.issue.map(String.init) ?? "-"): \(outcome.stage)"
                + (outcome.error.map { "; \($0)" } ?? "")
        } + (neverStarted > 0 ? ["\(neverStarted) tasks never started before the time limit"] : [])
        return SoakResult(
            tasks: options.tasks, done: outcomes.filter { $0.stage == .done }.count, duplicateIssues: census.duplicateIssues,
            duplicateComments: census.duplicateComments, duplicateSubmissions: census.duplicateSubmissions, duplicatePulls: census.duplicatePulls,
            duplicateResponses: census.duplicateResponses, restarts: stats.restarts, timedOut: timedOut, seconds: seconds, stalled: stalled,
            lostTasks: lost, duplicates: census.details, faults: await faultCounts(world, stats: stats))
    }

    /// Faults as the emulators recorded them.
    private func faultCounts(_ world: SandboxWorld, stats: SoakChaos.Stats) async -> [(kind: String, count: Int)] {
        let requests = await world.github.emulator.requests()
        let deliveries = await world.github.emulator.deliveries()
        let exchanges = await world.taskNode.recorded
        let issues = await world.github.emulator.issueRecords(owner: SandboxWorld.owner, repo: SandboxWorld.repositoryName)
        return [
            ("GitHub 502 answers", requests.filter { $0.status == 502 }.count),
            ("GitHub secondary rate limits (403/429)", requests.filter { $0.status == 403 || $0.status == 429 }.count),
            ("GitHub 404 after create (issues and PRs)", issues.count),
            ("GitHub webhooks not delivered (dropped or serve down)", deliveries.filter { $0.statusCode == 0 }.count),
            ("GitHub webhooks redelivered", deliveries.filter(\.redelivery).count),
            ("Task Node 429 rate_limited", exchanges.filter { $0.status == 429 }.count),
            ("Task Node 503 answers", exchanges.filter { $0.status == 503 }.count),
            ("Task Node sessions expired", stats.sessionsExpired),
            ("Task Node writes behind in reads (3 s)", exchanges.filter { $0.request.method == "POST" && $0.status == 200 && $0.request.path.hasPrefix("/api/tasks/") }.count),
            ("pfbot serve SIGKILLs", stats.restarts),
        ]
    }
}

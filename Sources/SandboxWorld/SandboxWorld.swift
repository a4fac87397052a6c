import Analytics
import AsyncHTTPClient
import Foundation
import Git
import GitHub
import Logging
import PFBotConfig
import PFBotCore
import Pipeline
import PostFiat
import Prometheus
import Sandbox
import Server
import Storage
import XRPL

/// The whole bot against the sandbox: the Task Node emulator with a real wallet, the GitHub emulator over real
/// bare repositories served by `git http-backend`, the ledger emulator the rewards are paid on, pfbot's own webhook
/// server receiving the emulator's signed webhooks, a SQLite store, and the pipeline. Used by `pfbot demo` and the end-to-end tests.
public final class SandboxWorld: Sendable {
    public static let owner = "acme"
    public static let repositoryName = "tasks"
    /// A public test seed (never fund it).
    public static let walletSeed = "sEdTM1uX8pu2do5XvTnutH6HsouMaM2"
    public static let actionsToken = "sandbox-actions-token"
    /// The `GITHUB_TOKEN` of the repository's GitHub Actions runs (``ActionsRunner``): a token of its own, so their
    /// calls are counted apart from the sandbox bot's.
    public static let workflowToken = "sandbox-workflow-token"
    /// The `GITHUB_TOKEN` of the workflow's read-only steps job (`permissions: contents: read`).
    public static let readOnlyWorkflowToken = "sandbox-workflow-token-read-only"
    public static let webhookSecret = "sandbox-webhook-secret"

    public let directory: URL
    public let wallet: Wallet
    public let taskNode: TaskNodeEmulator
    let taskNodeServer: TaskNodeEmulatorServer
    public let github: GitHubSandbox
    /// The ledger the Task Node's reward worker pays on (`ledger.rpc_urls` points at it).
    public let ledger: LedgerEmulator
    let ledgerServer: LedgerEmulatorServer
    /// The bot, built by the same assembly as `pfbot serve`.
    public let bot: BotAssembly
    let webhookServer: RunningServer

    public var store: SQLStore { bot.store }
    public var context: PipelineContext { bot.context }
    public var runner: JobRunner { bot.runner }
    public var monitor: TaskMonitor { bot.monitor }
    public var client: TaskNodeClient { bot.taskNode }

    public var repository: RepositoryRef { RepositoryRef(owner: Self.owner, name: Self.repositoryName) }

    /// The Task Node emulator's base URL.
    public var taskNodeURL: String { taskNodeServer.baseURL.absoluteString }

    /// pfbot's server in the sandbox (`/webhooks/github`, `/healthz`, `/readyz`, `/metrics`, `/dashboard`).
    public var webhookURL: String { webhookServer.baseURL }
    /// The dashboard: rates, PFT earned, time in state, return per task, the audit log.
    public var dashboardURL: String { webhookServer.baseURL + "/dashboard" }

    private init(directory: URL, wallet: Wallet, taskNode: TaskNodeEmulator, taskNodeServer: TaskNodeEmulatorServer, github: GitHubSandbox,
                 ledgerServer: LedgerEmulatorServer, bot: BotAssembly, webhookServer: RunningServer) {
        self.directory = directory
        self.wallet = wallet
        self.taskNode = taskNode
        self.taskNodeServer = taskNodeServer
        self.github = github
        self.ledger = ledgerServer.emulator
        self.ledgerServer = ledgerServer
        self.bot = bot
        self.webhookServer = webhookServer
    }

    /// Starts every part under `directory` (created, and left for the caller to remove).
    /// - Parameter configure: changes to the configuration the bot runs with (it starts from the embedded defaults).
    /// - Parameter metrics: the registry `/metrics` prints: `pfbot demo` passes the one it bootstrapped the metrics
    ///   system with, so the sandbox's server shows pfbot's real counters, timers and gauges.
    public static func start(directory: URL, collaborators: [String: String] = [:], metrics: PrometheusCollectorRegistry = PrometheusCollectorRegistry(),
                             configure: (inout Configuration) -> Void = { _ in }) async throws -> SandboxWorld {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // The bot reads its secrets as it does in GitHub Actions: the token and the wallet seed from the environment.
        let environment = ["GITHUB_TOKEN": actionsToken, "PFBOT_WALLET_SEED": walletSeed]
        var configuration = try ConfigurationLoader(environment: environment, workingDirectory: directory.path).parse(yaml: "", fileName: "sandbox")
        configuration.github.repository = "\(owner)/\(repositoryName)"
        configuration.github.writeSpacingMilliseconds = 0
        configuration.dataDirectory = directory.appendingPathComponent("data").path
        configuration.storage.location = .sqlite(path: directory.appendingPathComponent("pfbot.sqlite").path)

        let wallet = try Wallet(seed: walletSeed)
        let taskNode = TaskNodeEmulator(checker: XRPLSignatureChecker(), clock: SettableClock(start: Date()))
        let taskNodeServer = try await TaskNodeEmulatorServer.start(taskNode)
        let github = try await GitHubSandbox.start(root: directory.appendingPathComponent("remote"))
        try await github.emulator.createRepository(owner: owner, name: repositoryName)
        await github.emulator.registerActionsToken(actionsToken)
        await github.emulator.registerActionsToken(workflowToken)
        await github.emulator.registerReadOnlyActionsToken(readOnlyWorkflowToken)
        for (login, permission) in collaborators {
            await github.emulator.registerToken("token-\(login)", for: login)
            await github.emulator.setPermission(owner: owner, repo: repositoryName, user: login, permission: permission)
        }
        configuration.github.apiURL = try Self.url(github.apiURL)
        configuration.taskNode.url = taskNodeServer.baseURL
        let ledgerServer = try await LedgerEmulatorServer.start(emulator: try LedgerEmulator())
        await ledgerServer.emulator.fund(address: wallet.address, drops: 20_000_000)
        await ledgerServer.emulator.fund(address: try Wallet(seed: rewardWalletSeed).address, drops: 100_000_000_000)
        configuration.ledger.rpcURLs = [try Self.url(ledgerServer.url)]
        configure(&configuration)

        var logger = Logger(label: "pfbot.sandbox")
        logger.logLevel = .critical
        let bot = try await BotAssembly.build(configuration, environment: environment, logger: logger, workerName: "sandbox",
                                              tuning: BotAssembly.RunnerTuning(lease: 120, idleDelay: .milliseconds(20)))
        let ingress = WebhookIngress(store: bot.store, authenticator: WebhookVerifier(secrets: [webhookSecret]), maxBodyBytes: configuration.server.maxBodyBytes,
                                     onQueued: { [wakeup = bot.wakeup] in wakeup.wake() })
        let collector = AnalyticsCollector(analyzer: bot.context.analyzer, gitHubWebURL: configuration.github.webURL)
        let store = bot.store
        let router = ServerRouter.make(ingress: ingress, readiness: [], metrics: metrics,
                                       dashboard: { page in try await collector.collect(from: store, now: Date(), page: page) },
                                       taskPage: { id in try await collector.taskPage(from: store, id: id) })
        var quiet = Logger(label: "pfbot.sandbox.server")
        quiet.logLevel = .critical
        let webhookServer = try await RunningServer.start(router: router, host: "127.0.0.1", port: 0, logger: quiet)
        await github.emulator.configureWebhooks(url: "\(webhookServer.baseURL)/webhooks/github", secret: webhookSecret)
        return SandboxWorld(directory: directory, wallet: wallet, taskNode: taskNode, taskNodeServer: taskNodeServer, github: github,
                            ledgerServer: ledgerServer, bot: bot, webhookServer: webhookServer)
    }

    private static func url(_ text: String) throws -> URL {
        guard let url = URL(string: text) else { throw DemoError.badURL(text) }
        return url
    }

    /// Proposes a task to the contributor on the Task Node emulator; returns its id.
    @discardableResult
    public func propose(title: String, description: String, steps: [String] = [], pft: Decimal, evidence: String = "url", criteria: String = "A public URL") async -> String {
        let id = TaskNodeEmulator.newTaskID()
        await taskNode.propose(EmulatorTask(taskID: id, wallet: wallet.address, title: title, description: description, steps: steps, kind: "personal",
                                            offeredPFT: pft, requirementType: evidence, criteria: criteria, updatedAt: taskNode.clock.now()))
        return id
    }

    /// The GitHub REST calls the bot made, oldest first: the requests the emulator received with the bot's token (the
    /// scenario's people act with their own tokens and are not counted).
    public func botRequests() async -> [RecordedRequest] {
        await github.emulator.requests().filter { $0.headers["authorization"] == "Bearer \(Self.actionsToken)" }
    }

    /// The GitHub REST calls of the repository's GitHub Actions runs (`pfbot action` started by ``ActionsRunner``).
    public func workflowRequests() async -> [RecordedRequest] {
        await github.emulator.requests().filter {
            ["Bearer \(Self.workflowToken)", "Bearer \(Self.readOnlyWorkflowToken)"].contains($0.headers["authorization"] ?? "")
        }
    }

    /// Lets everything that is due happen: delivers pending webhooks, runs due jobs, and repeats until quiet.
    /// - Returns: how many jobs ran.
    @discardableResult
    public func settle(maximumRounds: Int = 50) async throws -> Int {
        var total = 0
        for _ in 0..<maximumRounds {
            try Task.checkCancellation()
            await github.emulator.flushWebhooks()
            let ran = try await runner.drain()
            total += ran
            if ran == 0 {
                await github.emulator.flushWebhooks()
                if try await runner.drain() == 0 { break }
            }
        }
        return total
    }

    /// One sync pass, as `pfbot sync` runs it (poll, reconcile, deadline warnings), then settles.
    @discardableResult
    public func sync() async throws -> TaskMonitor.Report {
        let outcome = try await bot.syncPass.run(SyncPass.Steps(runJobs: false))
        try await settle()
        return outcome.poll
    }

    /// Stops every server and closes the store.
    public func stop() async {
        // GitHub stops sending first, and what it queued is delivered, so no connection reaches the bot's server while
        // it shuts down (NIO traps on a connection accepted then: "Deinited NIOAsyncWriter without calling finish()").
        await github.emulator.configureWebhooks(url: nil, secret: Self.webhookSecret)
        await github.emulator.flushWebhooks()
        await webhookServer.stop()
        await github.stop()
        await taskNodeServer.stop()
        ledgerServer.stop()
        try? await store.close()
    }
}

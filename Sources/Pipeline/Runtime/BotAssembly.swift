import Foundation
import Git
import GitHub
import Logging
import Notifier
import PFBotConfig
import PFBotCore
import PostFiat
import Storage
import XRPL

/// Builds the whole bot from the configuration: the store, GitHub (App, token or Actions token), the wallet and
/// the Task Node client, the libgit2 mirrors, the pipeline's context, its job runner and monitor. The one assembly
/// behind `pfbot serve`, `pfbot action`, `pfbot sync`, `pfbot qc`, `pfbot demo` and the tests' sandbox.
public struct BotAssembly: Sendable {
    /// The validated configuration the bot was built from.
    public let configuration: Configuration
    /// The store, migrated.
    public let store: SQLStore
    /// What the pipeline's handlers talk to.
    public let context: PipelineContext
    /// Polls the Task Node.
    public let monitor: TaskMonitor
    /// Runs the queued jobs.
    public let runner: JobRunner
    /// The Task Node client (the monitor's source and the pipeline's sink).
    public let taskNode: TaskNodeClient
    /// Wakes the runner's idle workers; the webhook inbox signals it when a delivery is stored.
    public let wakeup: JobWakeup
    /// Whether GitHub is reached as an App (only Apps can list and redeliver their webhook deliveries).
    public let usesApp: Bool

    /// How the job runner paces itself.
    public struct RunnerTuning: Sendable {
        /// Seconds a claim lasts; `nil` takes `server.job_lease_seconds`.
        public var lease: Double?
        /// Wait between polls when no job is due.
        public var idleDelay: Duration

        /// - Parameters:
        ///   - lease: seconds a claim lasts (`nil`: the configured lease).
        ///   - idleDelay: wait between polls when no job is due.
        public init(lease: Double? = nil, idleDelay: Duration = .milliseconds(250)) {
            self.lease = lease
            self.idleDelay = idleDelay
        }
    }

    /// Builds the bot.
    /// - Parameters:
    ///   - configuration: the loaded configuration.
    ///   - environment: where secrets given as environment variables are read.
    ///   - logger: the bot's logger.
    ///   - workerName: names this process in job claims and leases.
    ///   - tuning: the job runner's pacing.
    ///   - stepHost: runs repository code; only `pfbot action` passes one (the server never runs branch code).
    /// - Throws: ``AssemblyError`` naming the missing setting or unreadable secret; the store's and GitHub's errors.
    public static func build(_ configuration: Configuration, environment: [String: String] = ProcessInfo.processInfo.environment,
                             logger: Logger, workerName: String, tuning: RunnerTuning = RunnerTuning(),
                             stepHost: StepHost? = nil) async throws -> BotAssembly {
        let secrets = SecretReader(environment: environment)
        let repository = try configuredRepository(configuration)
        let password = try configuration.storage.password.map { try AssemblyError.read(secrets, $0, "storage.password_file") }
        let store = try await StoreFactory.open(configuration.storage.location, password: password, logger: logger)
        do {
            let authentication = try gitHubAuthentication(configuration, secrets: secrets)
            let github = try await gitHubClient(configuration, authentication: authentication)
            let access = try TaskNodeAccess.resolve(configuration, secrets: secrets)
            let taskNode = try access.client()
            let found = try await github.repository(repository)
            let git = gitAccess(configuration, repository: repository, found: found, authentication: authentication, github: github)
            var context = PipelineContext(store: store, taskSource: taskNode, taskSink: taskNode, github: github, repository: repository, git: git,
                                          configuration: configuration, logger: logger)
            context.stepHost = stepHost
            if !configuration.ledger.rpcURLs.isEmpty {
                let rpc = JSONRPCClient(configuration: JSONRPCConfiguration(urls: configuration.ledger.rpcURLs.map(\.absoluteString)))
                context.rewardLedger = RewardLedger(rpc: rpc, wallet: try access.secret.wallet().address,
                                                    confirmationSeconds: configuration.ledger.rewardConfirmationSeconds)
            }
            await context.defaultBranches.note(found.defaultBranch ?? "main", webURL: found.htmlUrl, for: repository)
            let notifier = try configuration.notifications.webhookURL.map { url in
                WebhookNotifier(url: url, secret: try configuration.notifications.webhookSecret.map {
                    try AssemblyError.read(secrets, $0, "notifications.webhook_secret_file")
                })
            }
            let wakeup = JobWakeup()
            let runner = JobRunner(store: store, handlers: PipelineHandlers.all(context, notifier: notifier), workerName: workerName,
                                   lease: tuning.lease ?? Double(configuration.server.jobLeaseSeconds), idleDelay: tuning.idleDelay, wakeup: wakeup,
                                   logger: logger)
            let monitor = TaskMonitor(source: taskNode, store: store, filters: configuration.filters, autoAccept: configuration.autoAccept,
                                      calibration: context.calibration, now: context.now, logger: logger)
            var usesApp = false
            if case .app = authentication { usesApp = true }
            return BotAssembly(configuration: configuration, store: store, context: context, monitor: monitor, runner: runner, taskNode: taskNode,
                               wakeup: wakeup, usesApp: usesApp)
        } catch {
            try? await store.close()
            throw error
        }
    }

    /// How pfbot authenticates to GitHub: an App (id, key, installation), or a token (`GITHUB_TOKEN` in Actions).
    /// - Throws: ``AssemblyError`` when neither is configured or a secret cannot be read.
    public static func gitHubAuthentication(_ configuration: Configuration, secrets: SecretReader) throws -> GitHubAuthentication {
        let github = configuration.github
        if let appID = github.appID, let key = github.privateKey {
            guard let installation = github.installationID else {
                throw AssemblyError.missing("github.installation_id", "App authentication needs the installation id (shown in the App's installation URL)")
            }
            return .app(GitHubAppCredentials(appID: String(appID), privateKeyPEM: try AssemblyError.read(secrets, key, "github.private_key_file")),
                        installationID: installation)
        }
        if let token = github.token {
            let value = try AssemblyError.read(secrets, token, "github.token_file")
            if case .environment(let name) = token, name == "GITHUB_TOKEN" { return .actionsToken(value) }
            return .personalAccessToken(value)
        }
        throw AssemblyError.missing("github.token_file", "configure a GitHub App (github.app_id, github.private_key_file, github.installation_id) or a token (github.token_file, PFBOT_GITHUB_TOKEN or GITHUB_TOKEN)")
    }

    /// One sync pass of this bot.
    public var syncPass: SyncPass { SyncPass(assembly: self) }
}

import Foundation
import Git
import GitHub
import Logging
import PFBotConfig
import PFBotCore
import Pipeline
import PostFiat
import Storage
import XRPL

/// Builds the pipeline from the configuration for `pfbot serve`, `pfbot action`, `pfbot sync` and `pfbot qc`:
/// the store, GitHub (App, token or Actions token), the wallet and the Task Node client, and the libgit2 mirrors.
struct PipelineAssembly {
    let configuration: Configuration
    let store: SQLStore
    let context: PipelineContext
    let monitor: TaskMonitor
    let runner: JobRunner
    /// Wakes the runner's idle workers; the webhook inbox signals it when a delivery is stored.
    let wakeup: JobWakeup
    /// Whether GitHub is reached as an App (only Apps can list and redeliver their webhook deliveries).
    let usesApp: Bool

    static func build(_ configuration: Configuration, environment: [String: String] = ProcessInfo.processInfo.environment,
                      logger: Logger, workerName: String) async throws -> PipelineAssembly {
        let secrets = SecretReader(environment: environment)
        guard let repositoryName = configuration.github.repository, let repository = RepositoryRef(fullName: repositoryName) else {
            throw AssemblyError.missing("github.repository", "set it to owner/name (or run inside GitHub Actions, which sets GITHUB_REPOSITORY)")
        }
        let password = try configuration.storage.password.map { try read(secrets, $0, "storage.password_file") }
        let store = try await StoreFactory.open(configuration.storage.location, password: password, logger: logger)
        do {
            let authentication = try gitHubAuthentication(configuration, secrets: secrets)
            let github = try await GitHubClient(configuration: GitHubConfiguration(
                baseURL: configuration.github.apiURL.absoluteString, authentication: authentication, userAgent: "pfbot/\(PFBotVersion.current)",
                policy: RateLimitPolicy(writeSpacing: Double(configuration.github.writeSpacingMilliseconds) / 1000)
            ))
            let wallet = try makeWallet(configuration, secrets: secrets)
            let dataDirectory = URL(fileURLWithPath: configuration.dataDirectory, isDirectory: true)
            let client = TaskNodeClient(
                configuration: TaskNodeConfiguration(baseURL: configuration.taskNode.url), signer: wallet,
                sessionStore: FileSessionStore(url: dataDirectory.appendingPathComponent("tasknode-session.json")),
                pendingWrites: FilePendingWriteStore(url: dataDirectory.appendingPathComponent("tasknode-pending.json"))
            )
            let remote = try await github.repository(repository).cloneUrl ?? "\(configuration.github.apiURL.absoluteString)/\(repository).git"
            let tokens = GitTokenSource(authentication: authentication, github: github)
            let git = GitAccess(workspace: LibGit2Workspace(dataDirectory: dataDirectory), remoteURL: remote, token: { try await tokens.token() })
            let context = PipelineContext(store: store, taskSource: client, taskSink: client, github: github, repository: repository, git: git,
                                          configuration: configuration, logger: logger)
            let notifier = try configuration.notifications.webhookURL.map { url in
                WebhookNotifier(url: url, secret: try configuration.notifications.webhookSecret.map { try read(secrets, $0, "notifications.webhook_secret_file") })
            }
            let wakeup = JobWakeup()
            let runner = JobRunner(store: store, handlers: PipelineHandlers.all(context, notifier: notifier), workerName: workerName,
                                   lease: Double(configuration.server.jobLeaseSeconds), wakeup: wakeup, logger: logger)
            let monitor = TaskMonitor(source: client, store: store, filters: configuration.filters, autoAccept: configuration.autoAccept, logger: logger)
            var usesApp = false
            if case .app = authentication { usesApp = true }
            return PipelineAssembly(configuration: configuration, store: store, context: context, monitor: monitor, runner: runner, wakeup: wakeup,
                                    usesApp: usesApp)
        } catch {
            try? await store.close()
            throw error
        }
    }

    static func gitHubAuthentication(_ configuration: Configuration, secrets: SecretReader) throws -> GitHubAuthentication {
        let github = configuration.github
        if let appID = github.appID, let key = github.privateKey {
            guard let installation = github.installationID else {
                throw AssemblyError.missing("github.installation_id", "App authentication needs the installation id (shown in the App's installation URL)")
            }
            return .app(GitHubAppCredentials(appID: String(appID), privateKeyPEM: try read(secrets, key, "github.private_key_file")), installationID: installation)
        }
        if let token = github.token {
            let value = try read(secrets, token, "github.token_file")
            if case .environment(let name) = token, name == "GITHUB_TOKEN" { return .actionsToken(value) }
            return .personalAccessToken(value)
        }
        throw AssemblyError.missing("github.token_file", "configure a GitHub App (github.app_id, github.private_key_file, github.installation_id) or a token (github.token_file, PFBOT_GITHUB_TOKEN or GITHUB_TOKEN)")
    }

    static func makeWallet(_ configuration: Configuration, secrets: SecretReader) throws -> Wallet {
        if let seed = configuration.wallet.seed { return try Wallet(seed: try read(secrets, seed, "wallet.seed_file").trimmingCharacters(in: .whitespacesAndNewlines)) }
        if let words = configuration.wallet.mnemonic {
            return try Wallet(mnemonic: try read(secrets, words, "wallet.mnemonic_file").trimmingCharacters(in: .whitespacesAndNewlines))
        }
        throw AssemblyError.missing("wallet.seed_file", "set wallet.seed_file (mode 0600), PFBOT_WALLET_SEED, wallet.mnemonic_file or PFBOT_WALLET_MNEMONIC")
    }

    private static func read(_ secrets: SecretReader, _ reference: SecretReference, _ key: String) throws -> String {
        do throws(ConfigProblem) {
            return try secrets.read(reference, keyPath: key)
        } catch {
            throw AssemblyError.secret(error.description)
        }
    }
}

/// The pipeline cannot be built from this configuration.
enum AssemblyError: Error, CustomStringConvertible {
    case missing(String, String)
    case secret(String)

    var description: String {
        switch self {
        case .missing(let key, let fix): return "\(key) is not set: \(fix)."
        case .secret(let problem): return problem
        }
    }
}

/// Tokens for git over smart HTTP: the token itself, or an installation token minted for the App and reused until
/// five minutes before it expires.
actor GitTokenSource {
    let authentication: GitHubAuthentication
    let github: GitHubClient
    private var cached: (token: String, expires: Date)?

    init(authentication: GitHubAuthentication, github: GitHubClient) {
        self.authentication = authentication
        self.github = github
    }

    func token() async throws -> String? {
        switch authentication {
        case .personalAccessToken(let token), .actionsToken(let token):
            return token
        case .app(_, let installation):
            if let cached, cached.expires.timeIntervalSinceNow > 300 { return cached.token }
            let minted = try await github.createInstallationToken(installationID: installation)
            cached = (minted.token, minted.expiresAt)
            return minted.token
        }
    }
}

import struct Foundation.URL

/// pfbot's whole configuration, after the YAML file, environment overrides and defaults are merged.
///
/// Secrets are never values here, only ``SecretReference``s (a file path or an environment variable name);
/// they are read when needed and never logged. Every field has a key in `pfbot.yml`, listed in
/// `docs/configuration.md`.
public struct Configuration: Sendable, Equatable {
    /// Folder for the SQLite file, caches and repository mirrors (`data_dir`).
    public var dataDirectory: String
    /// Minimum log level (`log_level`).
    public var logLevel: LogLevel
    /// Where state is stored (`storage.*`).
    public var storage: StorageSettings
    /// The Post Fiat Task Node (`tasknode.*`).
    public var taskNode: TaskNodeSettings
    /// The contributor's wallet (`wallet.*`).
    public var wallet: WalletSettings
    /// The ledger's JSON-RPC servers (`ledger.*`).
    public var ledger: LedgerSettings
    /// GitHub access (`github.*`).
    public var github: GitHubSettings
    /// The webhook server (`server.*`).
    public var server: ServerSettings
    /// Which tasks pfbot takes on (`filters.*`).
    public var filters: TaskFilters
    /// Rules for accepting proposals without a person (`auto_accept.*`, off by default).
    public var autoAccept: AutoAcceptRules
    /// Who hears about new tasks (`notifications.*`).
    public var notifications: NotificationSettings
    /// Queue ordering and deadline warnings (`priority.*`).
    public var priority: PrioritySettings
    /// Commit identity and branch naming (`git.*`).
    public var git: GitSettings
    /// Repository defaults that `.github/pfbot.yml` may override (`repository.*`).
    public var repository: RepositorySettings

    /// A configuration from its parts.
    public init(
        dataDirectory: String, logLevel: LogLevel, storage: StorageSettings, taskNode: TaskNodeSettings,
        wallet: WalletSettings, ledger: LedgerSettings, github: GitHubSettings, server: ServerSettings,
        filters: TaskFilters, autoAccept: AutoAcceptRules, notifications: NotificationSettings,
        priority: PrioritySettings, git: GitSettings, repository: RepositorySettings
    ) {
        self.dataDirectory = dataDirectory
        self.logLevel = logLevel
        self.storage = storage
        self.taskNode = taskNode
        self.wallet = wallet
        self.ledger = ledger
        self.github = github
        self.server = server
        self.filters = filters
        self.autoAccept = autoAccept
        self.notifications = notifications
        self.priority = priority
        self.git = git
        self.repository = repository
    }
}

/// Log levels, as swift-log names them.
public enum LogLevel: String, Sendable, Equatable, CaseIterable {
    case trace, debug, info, notice, warning, error, critical
}

/// Where a secret comes from. The value itself is read only when used.
public enum SecretReference: Sendable, Equatable, CustomStringConvertible {
    /// A file holding the secret; it must not be readable by group or others.
    case file(path: String)
    /// An environment variable holding the secret.
    case environment(name: String)

    public var description: String {
        switch self {
        case .file(let path): return "file \(path)"
        case .environment(let name): return "environment variable \(name)"
        }
    }
}

/// Where pfbot keeps its state.
public enum StorageLocation: Sendable, Equatable, CustomStringConvertible {
    /// A SQLite file (the default, under the data directory).
    case sqlite(path: String)
    /// A PostgreSQL database by URL (`postgres://user@host:5432/db`); the password comes from a secret.
    case postgres(url: String)

    public var description: String {
        switch self {
        case .sqlite(let path): return "SQLite file \(path)"
        case .postgres(let url): return "PostgreSQL \(url)"
        }
    }
}

/// `storage.*`
public struct StorageSettings: Sendable, Equatable {
    /// The database.
    public var location: StorageLocation
    /// The PostgreSQL password, if not in the URL's environment.
    public var password: SecretReference?

    public init(location: StorageLocation, password: SecretReference?) {
        self.location = location
        self.password = password
    }
}

/// `tasknode.*`
public struct TaskNodeSettings: Sendable, Equatable {
    /// Base URL of the Task Node.
    public var url: URL
    /// Seconds between polls when the Task Node gives no hint.
    public var pollIntervalSeconds: Int
    /// Seconds before an HTTP call is abandoned.
    public var timeoutSeconds: Int

    public init(url: URL, pollIntervalSeconds: Int, timeoutSeconds: Int) {
        self.url = url
        self.pollIntervalSeconds = pollIntervalSeconds
        self.timeoutSeconds = timeoutSeconds
    }
}

/// `wallet.*`: at most one of the seed and the mnemonic.
public struct WalletSettings: Sendable, Equatable {
    /// The family seed (`s…`/`sEd…`).
    public var seed: SecretReference?
    /// A 24-word mnemonic.
    public var mnemonic: SecretReference?

    public init(seed: SecretReference?, mnemonic: SecretReference?) {
        self.seed = seed
        self.mnemonic = mnemonic
    }
}

/// `ledger.*`
public struct LedgerSettings: Sendable, Equatable {
    /// JSON-RPC servers, tried in order.
    public var rpcURLs: [URL]
    /// The highest fee, in drops, pfbot will pay for one transaction.
    public var feeCapDrops: Int

    public init(rpcURLs: [URL], feeCapDrops: Int) {
        self.rpcURLs = rpcURLs
        self.feeCapDrops = feeCapDrops
    }
}

/// `github.*`
public struct GitHubSettings: Sendable, Equatable {
    /// REST API base URL (`https://api.github.com`, or `https://HOST/api/v3` for GitHub Enterprise Server).
    public var apiURL: URL
    /// The repository tasks are mirrored into (`owner/name`).
    public var repository: String?
    /// GitHub App id, for App authentication.
    public var appID: Int?
    /// The App's installation id; looked up from the repository when absent.
    public var installationID: Int?
    /// The App's private key (PEM).
    public var privateKey: SecretReference?
    /// A token (personal access token or Actions' `GITHUB_TOKEN`).
    public var token: SecretReference?
    /// Webhook secrets; several while rotating.
    public var webhookSecrets: [SecretReference]
    /// Milliseconds between content-creating calls (GitHub asks for at least 1000).
    public var writeSpacingMilliseconds: Int

    public init(
        apiURL: URL, repository: String?, appID: Int?, installationID: Int?, privateKey: SecretReference?,
        token: SecretReference?, webhookSecrets: [SecretReference], writeSpacingMilliseconds: Int
    ) {
        self.apiURL = apiURL
        self.repository = repository
        self.appID = appID
        self.installationID = installationID
        self.privateKey = privateKey
        self.token = token
        self.webhookSecrets = webhookSecrets
        self.writeSpacingMilliseconds = writeSpacingMilliseconds
    }
}

/// `server.*`
public struct ServerSettings: Sendable, Equatable {
    /// The largest webhook body pfbot accepts anywhere (`serve`, `receive`, `action`, `github verify-webhook`):
    /// GitHub's documented payload cap, 25 MB = 25 × 1024 × 1024 bytes. The default of `server.max_body_bytes`.
    public static let defaultMaxBodyBytes = 26_214_400

    /// Address to listen on.
    public var host: String
    /// Port to listen on.
    public var port: Int
    /// Largest accepted request body, in bytes.
    public var maxBodyBytes: Int
    /// Concurrent job workers.
    public var workers: Int
    /// Seconds a worker holds a claimed job before another may take it over.
    public var jobLeaseSeconds: Int
    /// Webhook bodies read at once; more wait briefly, then get 503 with `Retry-After`. Bounds the memory held by
    /// bodies not yet verified to `maxConcurrentBodies × maxBodyBytes`.
    public var maxConcurrentBodies: Int = 4
    /// Seconds a connection may take to send a request's headers (from connecting, or from the previous response).
    public var headerTimeoutSeconds: Int = 10
    /// Seconds a whole request (headers and body) may take to arrive.
    public var readTimeoutSeconds: Int = 60
    /// Seconds a connection may stay silent (no request, or a stalled body) before it is closed.
    public var idleTimeoutSeconds: Int = 30
    /// Open connections at once; more wait in the listen backlog.
    public var maxConnections: Int = 512

    public init(host: String, port: Int, maxBodyBytes: Int, workers: Int, jobLeaseSeconds: Int = 300) {
        self.host = host
        self.port = port
        self.maxBodyBytes = maxBodyBytes
        self.workers = workers
        self.jobLeaseSeconds = jobLeaseSeconds
    }
}

/// `filters.*`: which proposals pfbot takes on.
public struct TaskFilters: Sendable, Equatable {
    /// Kinds to take; empty means all.
    public var kinds: [TaskKind]
    /// Smallest reward worth taking.
    public var minimumReward: PFTAmount
    /// If not empty, a task must mention one of these words.
    public var includeKeywords: [String]
    /// A task mentioning any of these words is skipped.
    public var excludeKeywords: [String]
    /// Most tasks in flight (accepted, not yet submitted) at once.
    public var maxInFlight: Int

    public init(kinds: [TaskKind], minimumReward: PFTAmount, includeKeywords: [String], excludeKeywords: [String], maxInFlight: Int) {
        self.kinds = kinds
        self.minimumReward = minimumReward
        self.includeKeywords = includeKeywords
        self.excludeKeywords = excludeKeywords
        self.maxInFlight = maxInFlight
    }
}

/// `auto_accept.*`
public struct AutoAcceptRules: Sendable, Equatable {
    /// Off unless set.
    public var enabled: Bool
    /// Kinds that may be accepted automatically; empty means all that pass the filters.
    public var kinds: [TaskKind]
    /// Smallest reward accepted automatically.
    public var minimumReward: PFTAmount
    /// Largest estimate accepted automatically.
    public var maximumEstimatedHours: Double

    public init(enabled: Bool, kinds: [TaskKind], minimumReward: PFTAmount, maximumEstimatedHours: Double) {
        self.enabled = enabled
        self.kinds = kinds
        self.minimumReward = minimumReward
        self.maximumEstimatedHours = maximumEstimatedHours
    }
}

/// `notifications.*`
public struct NotificationSettings: Sendable, Equatable {
    /// GitHub logins mentioned on new tasks and verification prompts.
    public var assignees: [String]
    /// An outbound webhook receiving a JSON body for each new task.
    public var webhookURL: URL?
    /// The HMAC-SHA256 key signing that body.
    public var webhookSecret: SecretReference?

    public init(assignees: [String], webhookURL: URL?, webhookSecret: SecretReference?) {
        self.assignees = assignees
        self.webhookURL = webhookURL
        self.webhookSecret = webhookSecret
    }
}

/// `priority.*`
public struct PrioritySettings: Sendable, Equatable {
    /// Hours before a deadline at which a warning is posted, largest first.
    public var deadlineWarningHours: [Int]
    /// Weight of ROI (PFT per hour) in the score.
    public var roiWeight: Double
    /// Weight of deadline urgency in the score.
    public var urgencyWeight: Double

    public init(deadlineWarningHours: [Int], roiWeight: Double, urgencyWeight: Double) {
        self.deadlineWarningHours = deadlineWarningHours
        self.roiWeight = roiWeight
        self.urgencyWeight = urgencyWeight
    }
}

/// `git.*`
public struct GitSettings: Sendable, Equatable {
    /// Commit author and committer name.
    public var authorName: String
    /// Commit author and committer email.
    public var authorEmail: String
    /// Prefix of task branches; pfbot force-pushes only below it.
    public var branchPrefix: String

    public init(authorName: String, authorEmail: String, branchPrefix: String) {
        self.authorName = authorName
        self.authorEmail = authorEmail
        self.branchPrefix = branchPrefix
    }
}

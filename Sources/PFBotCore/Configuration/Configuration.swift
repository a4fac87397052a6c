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

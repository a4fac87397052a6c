import Foundation
import PFBotCore

/// Builds a ``Configuration`` from `pfbot.yml`, `PFBOT_…` environment variables and the defaults.
///
/// Precedence, strongest first: environment variable, the file, the default. The file is the one named by
/// `--config`, else `$PFBOT_CONFIG`, else `./pfbot.yml` when it exists; with none, the embedded defaults run.
public struct ConfigurationLoader: Sendable {
    /// The environment consulted for overrides and secrets.
    public let environment: [String: String]
    /// Relative paths (data directory, SQLite file) start here.
    public let workingDirectory: String

    public init(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        workingDirectory: String = FileManager.default.currentDirectoryPath
    ) {
        self.environment = environment
        self.workingDirectory = workingDirectory
    }

    /// The configuration file to read, if any: `explicit`, else `$PFBOT_CONFIG`, else `./pfbot.yml` if present.
    public func configFilePath(explicit: String?) -> String? {
        if let explicit { return absolute(explicit) }
        if let fromEnvironment = environment["PFBOT_CONFIG"], !fromEnvironment.isEmpty { return absolute(fromEnvironment) }
        let local = absolute("pfbot.yml")
        return FileManager.default.fileExists(atPath: local) ? local : nil
    }

    /// Loads and validates the configuration.
    /// - Parameter explicit: the `--config` path, if given.
    /// - Returns: the configuration and the file it came from (`nil` for embedded defaults).
    /// - Throws: ``ConfigurationError`` listing every problem found.
    public func load(explicit: String?) throws(ConfigurationError) -> (configuration: Configuration, file: String?) {
        guard let path = configFilePath(explicit: explicit) else {
            return (try parse(yaml: "", fileName: "defaults"), nil)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            let message = exists ? "cannot be read; check its permissions." : "does not exist; create it with `pfbot init` or fix --config / PFBOT_CONFIG."
            throw ConfigurationError(problems: [ConfigProblem(keyPath: path, message: message)])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(problems: [ConfigProblem(keyPath: path, message: "is not UTF-8 text.")])
        }
        return (try parse(yaml: text, fileName: (path as NSString).lastPathComponent), path)
    }

    /// Parses YAML text plus the environment into a configuration.
    /// - Throws: ``ConfigurationError`` listing every problem found.
    public func parse(yaml: String, fileName: String) throws(ConfigurationError) -> Configuration {
        var raw = RawSettings(yaml: yaml, fileName: fileName, keys: ConfigSchema.keys)
        for key in ConfigSchema.keys {
            if let value = environment[key.environmentName] {
                raw.override(key, with: value, origin: key.environmentName)
            }
        }
        var typed = TypedSettings(raw: raw, keys: ConfigSchema.keys)
        let configuration = build(&typed)
        let problems = raw.problems + typed.problems
        guard problems.isEmpty, let configuration else { throw ConfigurationError(problems: problems) }
        return configuration
    }

    private func build(_ settings: inout TypedSettings) -> Configuration? {
        let dataDirectory = absolute(settings.string("data_dir") ?? ".pfbot")
        let logLevel = settings.choice("log_level").flatMap(LogLevel.init(rawValue:)) ?? .info
        var storage = storageSettings(&settings, dataDirectory: dataDirectory)
        storage?.retention = RetentionSettings(
            deliveryBodyDays: settings.integer("storage.retention.delivery_body_days") ?? 7,
            deliveryDays: settings.integer("storage.retention.delivery_days") ?? 30,
            doneJobDays: settings.integer("storage.retention.done_job_days") ?? 7,
            auditDays: settings.integer("storage.retention.audit_days") ?? 0
        )
        var taskNode = TaskNodeSettings(
            url: settings.url("tasknode.url") ?? ConfigurationLoader.placeholderURL,
            pollIntervalSeconds: settings.integer("tasknode.poll_interval_seconds") ?? 30,
            timeoutSeconds: settings.integer("tasknode.timeout_seconds") ?? 30
        )
        taskNode.agentCaps = settings.choice("tasknode.agent_caps").flatMap(AgentCapTier.init(rawValue:)) ?? .standard
        let wallet = WalletSettings(seed: secret(&settings, "wallet.seed_file"), mnemonic: secret(&settings, "wallet.mnemonic_file"))
        if wallet.seed != nil, wallet.mnemonic != nil {
            settings.fail("wallet", "set either a seed or a mnemonic, not both.")
        }
        let ledger = LedgerSettings(rpcURLs: settings.urlList("ledger.rpc_urls"),
                                    rewardConfirmationSeconds: settings.integer("ledger.reward_confirmation_seconds") ?? 3600)
        let github = githubSettings(&settings)
        var server = ServerSettings(
            host: settings.string("server.host") ?? "127.0.0.1",
            port: settings.integer("server.port") ?? 8080,
            maxBodyBytes: settings.integer("server.max_body_bytes") ?? ServerSettings.defaultMaxBodyBytes,
            workers: settings.integer("server.workers") ?? 2,
            jobLeaseSeconds: settings.integer("server.job_lease_seconds") ?? 300
        )
        server.maxConcurrentBodies = settings.integer("server.max_concurrent_bodies") ?? server.maxConcurrentBodies
        server.headerTimeoutSeconds = settings.integer("server.header_timeout_seconds") ?? server.headerTimeoutSeconds
        server.readTimeoutSeconds = settings.integer("server.read_timeout_seconds") ?? server.readTimeoutSeconds
        server.idleTimeoutSeconds = settings.integer("server.idle_timeout_seconds") ?? server.idleTimeoutSeconds
        server.maxConnections = settings.integer("server.max_connections") ?? server.maxConnections
        server.schedulerLeaseSeconds = settings.integer("server.scheduler_lease_seconds") ?? server.schedulerLeaseSeconds
        server.publicURL = settings.url("server.public_url")
        let filters = TaskFilters(
            kinds: settings.list("filters.kinds").map(TaskKind.init(label:)),
            minimumReward: settings.amount("filters.min_reward_pft") ?? .zero,
            includeKeywords: settings.list("filters.include_keywords"),
            excludeKeywords: settings.list("filters.exclude_keywords"),
            maxInFlight: settings.integer("filters.max_in_flight") ?? 3
        )
        let autoAccept = AutoAcceptRules(
            enabled: settings.boolean("auto_accept.enabled") ?? false,
            kinds: settings.list("auto_accept.kinds").map(TaskKind.init(label:)),
            minimumReward: settings.amount("auto_accept.min_reward_pft") ?? .zero,
            maximumEstimatedHours: settings.number("auto_accept.max_estimated_hours") ?? 4
        )
        let notifications = NotificationSettings(
            assignees: settings.list("notifications.assignees"),
            webhookURL: settings.isSet("notifications.webhook_url") ? settings.url("notifications.webhook_url") : nil,
            webhookSecret: secret(&settings, "notifications.webhook_secret_file")
        )
        let priority = PrioritySettings(
            deadlineWarningHours: hours(&settings, "priority.deadline_warning_hours"),
            roiWeight: settings.number("priority.roi_weight") ?? 1,
            urgencyWeight: settings.number("priority.urgency_weight") ?? 1
        )
        let git = GitSettings(
            authorName: settings.string("git.author_name") ?? "pfbot",
            authorEmail: settings.string("git.author_email") ?? "pfbot@users.noreply.github.com",
            branchPrefix: branchPrefix(&settings)
        )
        let repository = RepositorySettingsBuilder.build(&settings, prefix: "repository.")
        guard let storage else { return nil }
        return Configuration(
            dataDirectory: dataDirectory, logLevel: logLevel, storage: storage, taskNode: taskNode, wallet: wallet, ledger: ledger,
            github: github, server: server, filters: filters, autoAccept: autoAccept, notifications: notifications,
            priority: priority, git: git, repository: repository
        )
    }

    private func storageSettings(_ settings: inout TypedSettings, dataDirectory: String) -> StorageSettings? {
        let password = secret(&settings, "storage.password_file")
        guard settings.isSet("storage.url"), let text = settings.string("storage.url") else {
            return StorageSettings(location: .sqlite(path: (dataDirectory as NSString).appendingPathComponent("pfbot.sqlite")), password: password)
        }
        if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            let fromEnvironment = settings.origin("storage.url") == "PFBOT_STORAGE_URL"
            if !fromEnvironment, let components = URLComponents(string: text), components.password != nil {
                settings.fail("storage.url", "must not contain a password; put it in storage.password_file or PFBOT_STORAGE_PASSWORD.")
                return nil
            }
            guard let components = URLComponents(string: text), components.host?.isEmpty == false else {
                settings.fail("storage.url", "is not a valid PostgreSQL URL; write postgres://USER@HOST:5432/DATABASE.")
                return nil
            }
            return StorageSettings(location: .postgres(url: text), password: password)
        }
        if text.hasPrefix("sqlite:") {
            var path = String(text.dropFirst("sqlite:".count))
            if path.hasPrefix("//") { path.removeFirst(2) }
            guard !path.isEmpty else {
                settings.fail("storage.url", "names no file; write sqlite:PATH, e.g. sqlite:.pfbot/pfbot.sqlite.")
                return nil
            }
            return StorageSettings(location: .sqlite(path: absolute(path)), password: password)
        }
        settings.fail("storage.url", "must start with sqlite: or postgres://, got \(text.debugDescription).")
        return nil
    }

    private func githubSettings(_ settings: inout TypedSettings) -> GitHubSettings {
        let repository = settings.string("github.repository")
        if let repository, !ConfigurationLoader.isRepositoryName(repository) {
            settings.fail("github.repository", "must be owner/name, got \(repository.debugDescription).")
        }
        var webhookSecrets = settings.list("github.webhook_secret_files").map { SecretReference.file(path: $0) }
        if webhookSecrets.isEmpty, environment["PFBOT_GITHUB_WEBHOOK_SECRET"] != nil {
            webhookSecrets = [.environment(name: "PFBOT_GITHUB_WEBHOOK_SECRET")]
        }
        return GitHubSettings(
            apiURL: settings.url("github.api_url") ?? ConfigurationLoader.placeholderURL,
            repository: repository,
            appID: settings.integer("github.app_id"),
            installationID: settings.integer("github.installation_id"),
            privateKey: secret(&settings, "github.private_key_file"),
            token: secret(&settings, "github.token_file"),
            webhookSecrets: webhookSecrets,
            writeSpacingMilliseconds: settings.integer("github.write_spacing_ms") ?? 1000
        )
    }

    private func secret(_ settings: inout TypedSettings, _ path: String) -> SecretReference? {
        if let file = settings.secretFile(path) {
            if case .file(let filePath) = file { return .file(path: absolute(filePath)) }
            return file
        }
        for name in ConfigSchema.secretEnvironment[path] ?? [] where environment[name]?.isEmpty == false {
            return .environment(name: name)
        }
        return nil
    }

    private func hours(_ settings: inout TypedSettings, _ path: String) -> [Int] {
        var result: [Int] = []
        for item in settings.list(path) {
            guard let value = Int(item), (1...8760).contains(value) else {
                settings.fail(path, "items must be whole hours from 1 to 8760, got \(item.debugDescription).")
                continue
            }
            result.append(value)
        }
        return result.sorted(by: >)
    }

    private func branchPrefix(_ settings: inout TypedSettings) -> String {
        let prefix = settings.string("git.branch_prefix") ?? "pf/"
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_/."))
        guard !prefix.isEmpty, prefix.hasSuffix("/"), !prefix.hasPrefix("/"), !prefix.contains(".."),
              prefix.unicodeScalars.allSatisfy(allowed.contains)
        else {
            settings.fail("git.branch_prefix", "must be a branch path ending in '/', like pf/, got \(prefix.debugDescription).")
            return "pf/"
        }
        return prefix
    }

    private func absolute(_ path: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        if expanded.hasPrefix("/") { return (expanded as NSString).standardizingPath }
        return ((workingDirectory as NSString).appendingPathComponent(expanded) as NSString).standardizingPath
    }

    static func isRepositoryName(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_."))
        return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." && $0.unicodeScalars.allSatisfy(allowed.contains) }
    }

    // Only used when a URL key failed validation; the problem list then stops the load.
    private static let placeholderURL = URL(fileURLWithPath: "/")
}

import PFBotCore

/// Every key pfbot reads from `pfbot.yml`, with the secrets that only come from the environment.
public enum ConfigSchema {
    /// Verbs of `/pf` commands, whose permissions `repository.commands.<verb>` may set.
    public static var commandVerbs: [String] { CommandRegistry.names }

    static let permissionChoices = RepositoryPermissionNames.all

    /// Keys shared by `pfbot.yml` (under `repository.`) and a repository's own `.github/pfbot.yml` (at the top).
    public static let repositoryKeys: [ConfigKey] = [
        ConfigKey("require_approval", .boolean, default: "false", "Submit a merged task PR only after an approving review of its head commit."),
        ConfigKey("assignees", .list, default: "[]", "GitHub logins mentioned on this repository's task issues, in addition to notifications.assignees."),
        ConfigKey("qc.rules", .list, default: QualityRulesDefaults.rules.joined(separator: ", "),
                  "QC rules that run: deliverables, checklist, placeholders, markdown, links, size, evidence, tests (the repository's test command, run only in GitHub Actions)."),
        ConfigKey("qc.max_file_bytes", .integer(1...1_073_741_824), default: "1048576", "Largest single file allowed on a task branch."),
        ConfigKey("qc.max_total_bytes", .integer(1...10_737_418_240), default: "10485760", "Largest total size of the files a task branch changes."),
        ConfigKey("qc.read_budget_bytes", .integer(1...10_737_418_240), default: "67108864",
                  "Most bytes one QC run reads from the branch; files past it are judged by their size from the tree alone."),
        ConfigKey("qc.read_file_bytes", .integer(1...1_073_741_824), default: "4194304",
                  "Largest file one QC run reads; larger files are judged by their size from the tree alone."),
        ConfigKey("qc.test_command", .string,
                  "Shell command the `tests` rule runs in GitHub Actions (`pfbot action`), e.g. `make test`; unset: the detected toolchain's (`swift test`, `npm test`, …). Setting it turns the rule on."),
        ConfigKey("qc.test_timeout_seconds", .integer(1...21_600), default: "1800",
                  "Seconds the test command may run before its process group is killed and the `tests` rule fails."),
        ConfigKey("qc.junit_path", .string,
                  "JUnit XML the test command writes (a path or glob relative to the repository root); its failing test cases become annotations."),
    ] + CommandRegistry.verbs.map { verb in
        ConfigKey("commands.\(verb.name)", .choice(permissionChoices), default: verb.defaultPermission.rawValue,
                  "Least repository permission needed to run `/pf \(verb.name)`.")
    }

    /// Every key of `pfbot.yml`.
    public static let keys: [ConfigKey] = [
        ConfigKey("data_dir", .string, default: ".pfbot", "Folder for the SQLite file, caches and repository mirrors; relative paths start at the working directory."),
        ConfigKey("log_level", .choice(LogLevelNames.all), default: "info", "Least severe log level written to standard error."),
        ConfigKey("storage.url", .string, default: "sqlite:<data_dir>/pfbot.sqlite",
                  "Database: `sqlite:PATH` (default) or `postgres://USER@HOST:PORT/DB` for several replicas."),
        ConfigKey("storage.password_file", .secretFile, "File holding the PostgreSQL password (or set PFBOT_STORAGE_PASSWORD)."),
        ConfigKey("storage.retention.delivery_body_days", .integer(1...3650), default: "7",
                  "Days after processing before a webhook delivery's body is dropped (its id stays for de-duplication)."),
        ConfigKey("storage.retention.delivery_days", .integer(1...3650), default: "30",
                  "Days after processing before a webhook delivery's row is deleted (keep it past GitHub's redelivery window)."),
        ConfigKey("storage.retention.done_job_days", .integer(1...3650), default: "7", "Days before a finished job's row is deleted."),
        ConfigKey("storage.retention.audit_days", .integer(0...36500), default: "0", "Days the audit log is kept; 0 keeps it for ever."),
        ConfigKey("tasknode.url", .url, default: "https://tasknode.postfiat.org", "Base URL of the Post Fiat Task Node."),
        ConfigKey("tasknode.poll_interval_seconds", .integer(5...3600), default: "30", "Seconds between polls when the Task Node gives no `nextPollMs` hint."),
        ConfigKey("tasknode.timeout_seconds", .integer(1...300), default: "30", "Seconds before a Task Node request is abandoned and retried."),
        ConfigKey("tasknode.agent_caps", .choice(AgentCapTier.allCases.map(\.rawValue)), default: "standard",
                  "Per-wallet hourly write caps pfbot keeps to before writing: standard (12 actions, 6 submissions, 6 verification responses, 3 requests), trusted (50/30/30/20, a trusted wallet), none (a Task Node that does not cap the wallet, e.g. a test node)."),
        ConfigKey("wallet.seed_file", .secretFile, "File holding the wallet's family seed (`s…` or `sEd…`); or set PFBOT_WALLET_SEED."),
        ConfigKey("wallet.mnemonic_file", .secretFile, "File holding a 24-word mnemonic (m/44'/144'/0'/0/0); or set PFBOT_WALLET_MNEMONIC."),
        ConfigKey("ledger.rpc_urls", .urlList, default: "https://rpc.testnet.postfiat.org",
                  "JSON-RPC servers of the ledger, tried in order; rewards the Task Node reports are confirmed there. Empty: rewards are not checked on the ledger."),
        ConfigKey("ledger.reward_confirmation_seconds", .integer(0...2_592_000), default: "3600",
                  "Seconds after the Task Node reports a reward payment before pfbot says on the issue that the ledger has not confirmed it."),
        ConfigKey("ledger.fee_cap_drops", .integer(10...10_000_000), default: "1000", "Not used: pfbot sends no ledger transaction (the Task Node takes its writes directly); still accepted so existing files stay valid."),
        ConfigKey("github.api_url", .url, default: "https://api.github.com", "GitHub REST API base URL; `https://HOST/api/v3` for GitHub Enterprise Server."),
        ConfigKey("github.repository", .string, "Repository (`owner/name`) where tasks become issues and branches."),
        ConfigKey("github.app_id", .integer(1...Int(Int32.max)), "GitHub App id, for App authentication."),
        ConfigKey("github.installation_id", .integer(1...Int.max), "The App's installation id (the number at the end of the installation's settings URL); required with github.app_id."),
        ConfigKey("github.private_key_file", .secretFile, "The App's private key (PEM); or set PFBOT_GITHUB_PRIVATE_KEY."),
        ConfigKey("github.token_file", .secretFile, "A token file (personal access token); or set PFBOT_GITHUB_TOKEN or GITHUB_TOKEN."),
        ConfigKey("github.webhook_secret_files", .secretFileList, default: "[]", "Webhook secret files; several while rotating; or set PFBOT_GITHUB_WEBHOOK_SECRET."),
        ConfigKey("github.write_spacing_ms", .integer(0...60_000), default: "1000", "Milliseconds between content-creating GitHub calls (GitHub asks for 1000)."),
        ConfigKey("server.host", .string, default: "127.0.0.1", "Address `pfbot serve` listens on."),
        ConfigKey("server.port", .integer(0...65535), default: "8080", "Port `pfbot serve` listens on."),
        ConfigKey("server.max_body_bytes", .integer(1024...104_857_600), default: String(ServerSettings.defaultMaxBodyBytes),
                  "Largest webhook body accepted (GitHub's cap, 25 MB); larger gets 413, before it is read when Content-Length says so."),
        ConfigKey("server.max_concurrent_bodies", .integer(1...1024), default: "4",
                  "Webhook bodies read at once; more wait up to 5 s, then get 503 with Retry-After. Memory for unverified bodies stays under this × max_body_bytes."),
        ConfigKey("server.header_timeout_seconds", .integer(1...600), default: "10",
                  "Seconds a connection may take to send a request's headers; slower connections are closed."),
        ConfigKey("server.read_timeout_seconds", .integer(1...3600), default: "60",
                  "Seconds a whole request (headers and body) may take to arrive; slower connections are closed."),
        ConfigKey("server.idle_timeout_seconds", .integer(1...3600), default: "30",
                  "Seconds a connection may stay silent (between requests, or mid-body) before it is closed."),
        ConfigKey("server.max_connections", .integer(1...100_000), default: "512",
                  "Open connections at once; further connections wait in the listen backlog."),
        ConfigKey("server.workers", .integer(1...64), default: "2", "Concurrent job workers."),
        ConfigKey("server.public_url", .url,
                  "Address your team reaches `pfbot serve`'s dashboard at (e.g. `https://pfbot.internal.example.org`); the QC check run's Details link opens the task's page `/dashboard/tasks/<id>` there."),
        ConfigKey("server.job_lease_seconds", .integer(5...3600), default: "300",
                  "Seconds a worker holds a claimed job; a job whose worker died runs again after this."),
        ConfigKey("server.scheduler_lease_seconds", .integer(3...600), default: "30",
                  "Seconds the scheduler lease (one replica polls and reconciles) lasts unrenewed; the holder renews it every third of this, and another replica takes over within this after the holder dies."),
        ConfigKey("filters.kinds", .list, default: "[]", "Task kinds pfbot takes on (personal, network, alpha); empty means all."),
        ConfigKey("filters.min_reward_pft", .amount, default: "0", "Smallest reward worth taking on."),
        ConfigKey("filters.include_keywords", .list, default: "[]", "If set, a task must mention one of these words (case-insensitive)."),
        ConfigKey("filters.exclude_keywords", .list, default: "[]", "A task mentioning any of these words is skipped."),
        ConfigKey("filters.max_in_flight", .integer(1...100), default: "3", "Most tasks accepted and not yet submitted at once."),
        ConfigKey("auto_accept.enabled", .boolean, default: "false", "Accept proposals that pass the rules below without a person."),
        ConfigKey("auto_accept.kinds", .list, default: "[]", "Kinds accepted automatically; empty means all that pass the filters."),
        ConfigKey("auto_accept.min_reward_pft", .amount, default: "0", "Smallest reward accepted automatically."),
        ConfigKey("auto_accept.max_estimated_hours", .number(0.1...1000), default: "4", "Largest estimate accepted automatically."),
        ConfigKey("notifications.assignees", .list, default: "[]", "GitHub logins mentioned on new tasks and verification prompts."),
        ConfigKey("notifications.webhook_url", .url, "Outbound webhook receiving a signed JSON body for each new task."),
        ConfigKey("notifications.webhook_secret_file", .secretFile, "Key signing the outbound webhook body (HMAC-SHA256); or set PFBOT_NOTIFICATIONS_WEBHOOK_SECRET."),
        ConfigKey("priority.deadline_warning_hours", .list, default: "48, 12", "Hours before a deadline at which a warning is posted."),
        ConfigKey("priority.roi_weight", .number(0...100), default: "1", "Weight of ROI (PFT per hour) in the queue score."),
        ConfigKey("priority.urgency_weight", .number(0...100), default: "1", "Weight of deadline urgency in the queue score."),
        ConfigKey("git.author_name", .string, default: "pfbot", "Name on pfbot's commits."),
        ConfigKey("git.author_email", .string, default: "pfbot@users.noreply.github.com", "Email on pfbot's commits."),
        ConfigKey("git.branch_prefix", .string, default: "pf/", "Prefix of task branches; pfbot force-pushes only below it."),
    ] + repositoryKeys.map { ConfigKey("repository." + $0.path, $0.kind, default: $0.defaultValue, $0.summary) }

    /// Secrets that come only from the environment, by the key whose file they replace.
    public static let secretEnvironment: [String: [String]] = [
        "storage.password_file": ["PFBOT_STORAGE_PASSWORD"],
        "wallet.seed_file": ["PFBOT_WALLET_SEED"],
        "wallet.mnemonic_file": ["PFBOT_WALLET_MNEMONIC"],
        "github.private_key_file": ["PFBOT_GITHUB_PRIVATE_KEY"],
        "github.token_file": ["PFBOT_GITHUB_TOKEN", "GITHUB_TOKEN"],
        "github.webhook_secret_files": ["PFBOT_GITHUB_WEBHOOK_SECRET"],
        "notifications.webhook_secret_file": ["PFBOT_NOTIFICATIONS_WEBHOOK_SECRET"],
    ]

    /// The key with this path, if any.
    public static func key(_ path: String) -> ConfigKey? { keys.first { $0.path == path } }
}

enum LogLevelNames {
    static let all = ["trace", "debug", "info", "notice", "warning", "error", "critical"]
}

enum RepositoryPermissionNames {
    static let all = ["none", "read", "triage", "write", "maintain", "admin"]
}

enum QualityRulesDefaults {
    static let rules = ["deliverables", "checklist", "placeholders", "markdown", "links", "size", "evidence"]
}

import PFBotCore
import Pipeline

/// The commented `pfbot.yml` that `pfbot init` writes: every section, the defaults spelled out, secrets only as
/// `…_file` keys (commented out until the file exists), so `pfbot config validate` passes straight away.
enum StarterConfiguration {
    /// Where the file goes, relative to the directory given to `pfbot init`.
    static let path = "pfbot.yml"

    /// The file's text.
    static let text = """
    # pfbot.yml: the bot's own configuration. `pfbot config validate` checks it; docs/configuration.md lists
    # every key. Any key can be overridden by an environment variable: PFBOT_ + the key path in capitals with
    # dots as underscores (tasknode.url -> PFBOT_TASKNODE_URL). Secrets are never written here: each has a
    # `..._file` key naming a file only you can read (chmod 600), or an environment variable.

    # Folder for the SQLite database, caches and repository mirrors (relative to the working directory).
    data_dir: .pfbot
    # trace, debug, info, notice, warning, error or critical; logs go to standard error.
    log_level: info

    storage:
      # sqlite:PATH for one host (the default), or postgres://USER@HOST:5432/DATABASE for several replicas.
      url: sqlite:.pfbot/pfbot.sqlite
      # PostgreSQL password file (never put the password in the URL); or set PFBOT_STORAGE_PASSWORD.
      # password_file: secrets/postgres-password

    tasknode:
      # The Post Fiat Task Node pfbot reads tasks from and submits work to.
      url: https://tasknode.postfiat.org
      # Seconds between polls when the Task Node gives no hint of its own.
      poll_interval_seconds: 30
      # Seconds before a Task Node request is abandoned and retried.
      timeout_seconds: 30

    # Your Post Fiat wallet: a file holding the family seed (s... or sEd...), mode 0600, or set PFBOT_WALLET_SEED;
    # or a file holding the 24-word mnemonic of the browser wallet (not both), or set PFBOT_WALLET_MNEMONIC.
    # Uncomment `wallet:` and one key once the file exists; `pfbot login` checks it.
    # wallet:
    #   seed_file: secrets/wallet-seed
    #   mnemonic_file: secrets/wallet-mnemonic

    ledger:
      # JSON-RPC servers of the Post Fiat ledger, tried in order: reward payments are confirmed there.
      rpc_urls:
        - https://rpc.testnet.postfiat.org

    github:
      # https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise Server.
      api_url: https://api.github.com
      # The repository (owner/name) where tasks become issues, branches and pull requests.
      # repository: your-name/your-repository
      # Either a GitHub App (run `pfbot serve`; `pfbot init` prints the App manifest) ...
      # app_id: 123456
      # installation_id: 7890123
      # private_key_file: secrets/github-app.pem
      # ... or a personal access token (or PFBOT_GITHUB_TOKEN / GITHUB_TOKEN in the environment).
      # token_file: secrets/github-token
      # Webhook secrets for `pfbot serve`; list two while rotating. Or set PFBOT_GITHUB_WEBHOOK_SECRET.
      webhook_secret_files: []
      # Milliseconds between content-creating GitHub calls (GitHub asks for at least 1000).
      write_spacing_ms: 1000

    server:
      # Where `pfbot serve` listens; put a TLS-terminating proxy in front when it faces the internet.
      host: 127.0.0.1
      port: 8080
      # Largest webhook body accepted (GitHub's cap, 25 MB); larger gets HTTP 413.
      max_body_bytes: \(ServerSettings.defaultMaxBodyBytes)
      # Concurrent job workers.
      workers: 2

    filters:
      # Task kinds to take on (personal, network, alpha); empty means all.
      kinds: []
      # Smallest reward in PFT worth taking on.
      min_reward_pft: 0
      # If set, a task must mention one of these words; a task mentioning an excluded word is skipped.
      include_keywords: []
      exclude_keywords: []
      # Most tasks accepted and not yet submitted at once.
      max_in_flight: 3

    auto_accept:
      # Accept proposed tasks without a person when they pass the filters and these rules.
      enabled: false
      kinds: []
      min_reward_pft: 0
      max_estimated_hours: 4

    notifications:
      # GitHub logins mentioned on new tasks and verification prompts.
      assignees: []
      # An outbound webhook receiving a signed JSON body for each new task, and the file holding its key.
      # webhook_url: https://example.org/pfbot-events
      # webhook_secret_file: secrets/notifications-webhook-secret

    priority:
      # Hours before a deadline at which a warning is posted on the issue.
      deadline_warning_hours: [48, 12]
      # Weights of ROI (PFT per estimated hour) and of deadline urgency in the queue score.
      roi_weight: 1
      urgency_weight: 1

    git:
      # Author of pfbot's commits.
      author_name: pfbot
      author_email: pfbot@users.noreply.github.com
      # Task branches are <branch_prefix><task-slug>; pfbot force-pushes only below this prefix.
      branch_prefix: pf/

    repository:
      # Defaults for every repository; a repository's own .github/pfbot.yml overrides them.
      # Submit a merged task pull request only after an approving review of its head commit.
      require_approval: false
      # GitHub logins mentioned on task issues, in addition to notifications.assignees.
      assignees: []
      qc:
        # Quality-control rules run on every push to a task branch (docs/qc-rules.md).
        rules: [deliverables, checklist, placeholders, markdown, links, size, evidence]
        # Largest single file, and largest total of changed files, in bytes.
        max_file_bytes: 1048576
        max_total_bytes: 10485760
    \(CommandCatalog.permissionsYAML(indent: 2))

    """
}

import Foundation
import Git
import GitHub
import Logging
import PFBotCore
import PostFiat
import Storage

/// Everything the pipeline's handlers talk to: the store, the Task Node, GitHub, the configuration and the clock.
/// Built once per process by the run mode (`pfbot serve`, `pfbot action`, `pfbot demo`) or by a test.
public struct PipelineContext: Sendable {
    /// The bot's database: tasks, jobs, outbox, audit log and the pipeline's state.
    public var store: any Store
    /// Reads the contributor's tasks from the Task Node.
    public var taskSource: any TaskSource
    /// Writes to the Task Node (accept, refuse, submit, …).
    public var taskSink: any TaskSink
    /// The GitHub REST client.
    public var github: any GitHubAPI
    /// The repository tasks are mirrored into.
    public var repository: RepositoryRef
    /// The validated configuration.
    public var configuration: Configuration
    /// Analyses tasks (checklist, category, effort, return).
    public var analyzer: TaskAnalyzer
    /// The clock every handler reads.
    public var now: @Sendable () -> Date
    /// Where the handlers log.
    public var logger: Logger
    /// Where task branches are committed and read (a bare mirror of the repository, through libgit2).
    public var git: GitAccess
    /// Where reward payments are confirmed; `nil` when `ledger.rpc_urls` is empty (rewards are not checked then).
    public var rewardLedger: RewardLedger?
    /// Runs repository code (the `tests` rule, pack steps); set only by `pfbot action`, `nil` on the server.
    public var stepHost: StepHost?
    let labels = LabelRegistry()
    let defaultBranches = DefaultBranchCache()
    /// The estimator's calibration from the contributor's finished tasks.
    public let calibration = EstimateCalibration()
    /// The repository's own `.github/pfbot.yml` over the operator's defaults.
    public let repositorySettingsSource = RepositorySettingsSource()
    let permissions: PermissionCache

    /// Creates the context; the run mode (or a test) builds it once.
    /// - Parameters:
    ///   - store: the bot's database.
    ///   - taskSource: reads the Task Node.
    ///   - taskSink: writes to the Task Node.
    ///   - github: the GitHub REST client.
    ///   - repository: the repository tasks are mirrored into.
    ///   - git: the git data of that repository.
    ///   - configuration: the validated configuration.
    ///   - analyzer: analyses tasks.
    ///   - now: the clock.
    ///   - logger: where the handlers log.
    public init(store: any Store, taskSource: any TaskSource, taskSink: any TaskSink, github: any GitHubAPI, repository: RepositoryRef,
                git: GitAccess, configuration: Configuration, analyzer: TaskAnalyzer = TaskAnalyzer(),
                now: @escaping @Sendable () -> Date = Date.init, logger: Logger = Logger(label: "pfbot.pipeline")) {
        self.store = store
        self.taskSource = taskSource
        self.taskSink = taskSink
        self.github = github
        self.repository = repository
        self.git = git
        self.configuration = configuration
        self.analyzer = analyzer
        self.now = now
        self.logger = logger
        self.permissions = PermissionCache(now: now)
    }

    /// The repository's default branch (read from GitHub once per process, refreshed by push webhooks).
    func defaultBranch() async throws -> String {
        try await defaultBranches.defaultBranch(of: repository, github: github)
    }

    /// The repository's web page, on which pull request and commit links are built.
    func repositoryWebURL() async throws -> String {
        try await defaultBranches.webURL(of: repository, github: github)
    }

    /// Tasks' analyses, computed once per version of their inputs and stored.
    var analyses: TaskAnalyses { TaskAnalyses(analyzer: analyzer, store: store, now: now, calibration: calibration) }

    /// The prioritized work queue.
    var queue: TaskQueue {
        TaskQueue(store: store, analyses: analyses,
                  prioritizer: Prioritizer(settings: configuration.priority, maxInFlight: configuration.filters.maxInFlight))
    }

    /// Where the pipeline queues its jobs.
    var jobs: JobQueue { JobQueue(store: store, now: now) }

    /// The repository settings in force: `.github/pfbot.yml` from the default branch over `pfbot.yml`'s `repository:`.
    func repositorySettings() async throws -> RepositorySettings {
        try await repositorySettingsSource.settings(self)
    }

    /// The logins mentioned on this repository's task issues.
    func assignees() async throws -> [String] {
        var logins = configuration.notifications.assignees
        for login in try await repositorySettings().assignees where !logins.contains(login) { logins.append(login) }
        return logins
    }

    /// The stored task, or a permanent failure when it is gone.
    func record(_ id: TaskID) async throws -> TaskRecord {
        guard let record = try await store.task(id) else { throw UnknownTask(id: id) }
        return record
    }

    /// The stored task mirrored into `issue`, if any.
    func record(forIssue issue: Int) async throws -> TaskRecord? {
        try await store.task(repository: repository.description, issue: issue)
    }

    /// The stored task whose branch is `branch`, if any.
    func record(forBranch branch: String) async throws -> TaskRecord? {
        try await store.task(repository: repository.description, branch: branch)
    }

    /// The task a pull request belongs to: its head must be in this repository (a fork's branch never matches,
    /// whatever its name), and it must be the task's pull request by number, or, for a task whose pull request is
    /// not recorded yet, come from the task's branch.
    func record(forPull pull: PullRequest) async throws -> TaskRecord? {
        guard let head = pull.head.repo?.fullName, head.lowercased() == repository.description.lowercased() else { return nil }
        if let record = try await store.task(repository: repository.description, pull: pull.number) { return record }
        guard let record = try await record(forBranch: pull.head.ref), record.pullNumber == nil else { return nil }
        return record
    }

    /// The task's pull request as GitHub has it now, or `nil` when the task has none yet.
    func pullRequest(of record: TaskRecord) async throws -> PullRequest? {
        guard let number = record.pullNumber else { return nil }
        return try await github.pullRequest(repository, number: number, options: ReadOptions())
    }

    /// Appends to the audit log; `cause` is what led to it (a command's comment URL), `event` the Task Node's id of
    /// the write it records.
    func audit(_ actor: String, _ action: String, _ subject: String, _ detail: String? = nil, cause: String? = nil,
               event: String? = nil) async throws {
        try await store.appendAudit(AuditEntry(at: now(), actor: actor, action: action, subject: subject, detail: detail,
                                               cause: cause, taskNodeEvent: event))
    }
}

/// A job names a task pfbot no longer has; retrying cannot help.
public struct UnknownTask: PermanentJobFailure, CustomStringConvertible {
    /// The task the job names.
    public var id: TaskID
    /// What is missing and how to fetch it again.
    public var description: String { "task \(id) is not in the store; run `pfbot sync` to fetch it again" }
}

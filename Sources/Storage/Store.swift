import struct Foundation.Date
import PFBotCore

/// pfbot's durable state: tasks and their history, the webhook inbox, the job queue, the outbox of external
/// side effects, the audit log and small settings.
///
/// Two implementations share one schema and one migration list: SQLite (the default, one file) and
/// PostgreSQL (for several replicas). Every method is safe to call from several processes at once.
public protocol Store: Sendable {
    /// Which engine this store runs on.
    var engine: StorageEngine { get }

    /// Applies any migrations not yet applied. Safe to run concurrently from several processes.
    func migrate() async throws

    // MARK: Tasks

    /// Inserts a task or replaces its fields, keeping its state history. A new task's first state, and a state
    /// different from the stored one, are recorded in the history with `source` (the Task Node is the truth
    /// for its own states, so an observed change is recorded even where ``transition(_:to:source:note:at:)``
    /// would refuse it). An ended task keeps its end (a save from a copy read before it ended changes its other fields
    /// only), and a record without a merge commit keeps the one stored (``recordMergeCommit(_:commit:)``).
    func saveTask(_ record: TaskRecord, source: String) async throws

    /// The task with this id, if stored.
    func task(_ id: TaskID) async throws -> TaskRecord?

    /// Tasks, optionally only those in `states`, newest change first.
    func tasks(in states: Set<TaskState>?) async throws -> [TaskRecord]

    /// Tasks in `states` whose last change is at or after `time`, newest change first.
    func tasks(in states: Set<TaskState>, updatedSince time: Date) async throws -> [TaskRecord]

    /// How many tasks are in `states` (counted in the database).
    func countTasks(in states: Set<TaskState>) async throws -> Int

    /// How many tasks are in each state (counted in the database; states without tasks are absent).
    func taskCounts() async throws -> [TaskState: Int]

    /// The task mirrored into issue `issue` of `repository` (`owner/name`), found through an index.
    func task(repository: String, issue: Int) async throws -> TaskRecord?

    /// The task whose pull request is `pull` in `repository`, found through an index.
    func task(repository: String, pull: Int) async throws -> TaskRecord?

    /// The task whose branch in `repository` is `branch`, found through an index.
    func task(repository: String, branch: String) async throws -> TaskRecord?

    /// Moves a task to `state`, checking the move against ``TaskTransitions`` and recording it in the history,
    /// all in one transaction.
    /// - Throws: ``DomainError/illegalTransition(task:from:to:)`` (nothing written), ``StoreError/notFound(_:)``.
    func transition(_ id: TaskID, to state: TaskState, source: String, note: String?, at time: Date) async throws -> TaskRecord

    /// Records the commit the merge of a task's pull request made (the one submitted), changing nothing else.
    /// - Throws: ``StoreError/notFound(_:)``.
    func recordMergeCommit(_ id: TaskID, commit: String) async throws

    /// The recorded state changes of a task, oldest first.
    func history(of id: TaskID) async throws -> [StateChange]

    /// Every task's state changes, oldest first per task, in one read (reports over all tasks).
    func histories() async throws -> [TaskID: [StateChange]]

    // MARK: Pipeline state

    /// Records the QC verdict on a head (replacing an earlier verdict on the same head).
    func recordQualityVerdict(_ verdict: QualityVerdictRecord) async throws

    /// The QC verdict on `head`, if one was recorded.
    func qualityVerdict(task: TaskID, head: String) async throws -> QualityVerdictRecord?

    /// The most recent QC verdict of a task.
    func latestQualityVerdict(task: TaskID) async throws -> QualityVerdictRecord?

    /// Appends a review.
    func recordReview(_ review: ReviewRecord) async throws

    /// A task's most recent review.
    func latestReview(task: TaskID) async throws -> ReviewRecord?

    /// The lead times (hours before the deadline) whose warning was posted for a task.
    func deadlineWarnings(task: TaskID) async throws -> Set<Int>

    /// Records deadline warnings as posted.
    func recordDeadlineWarnings(task: TaskID, leadHours: Set<Int>, at time: Date) async throws

    /// Starts the command on line `line` of comment `comment` for the attempt `owner`, so a comment's commands take
    /// effect once: the first attempt records it as begun and runs it; a later one gets the reply of a finished run, is
    /// told another attempt is running it, or takes over a run begun more than `takeOverAfter` seconds ago that never
    /// finished (its attempt stopped).
    func beginCommand(comment: Int64, line: Int, verb: String, owner: String, at time: Date, takeOverAfter: Double) async throws -> CommandStart

    /// Records the reply of a command begun with ``beginCommand(comment:line:verb:owner:at:takeOverAfter:)``: it is done.
    func finishCommand(comment: Int64, line: Int, reply: String, at time: Date) async throws

    /// Records that a task's pull request head became `sha` at `time` (GitHub's time of the event); the current head
    /// reported again changes nothing.
    func recordHead(task: TaskID, sha: String, at time: Date) async throws

    /// The heads recorded for a task, in the order they were reported (the current head last).
    func heads(task: TaskID) async throws -> [TaskHead]

    /// The most recently submitted tasks (up to `limit`) with their analysed category and complexity and their
    /// accept and submit times: what the effort estimator is calibrated on.
    func finishedWork(limit: Int) async throws -> [FinishedWork]

    /// What pfbot asked GitHub to redeliver of delivery `guid`; nil when it never asked.
    func redelivery(guid: String) async throws -> RedeliveryRecord?

    /// Records a redelivery request (GitHub's id of the attempt redelivered), replacing the attempt of an earlier
    /// request for `guid` and counting the requests.
    func recordRedelivery(guid: String, githubDeliveryID: Int64, at time: Date) async throws

    /// When the newest delivery attempt the last completed redelivery sweep looked at was made; nil before the first.
    func redeliverySweepMark() async throws -> Date?

    /// Records when the newest delivery attempt a completed redelivery sweep looked at was made.
    func recordRedeliverySweepMark(newestDeliveredAt: Date, at time: Date) async throws

    /// A task's stored analysis.
    func analysis(task: TaskID) async throws -> TaskAnalysisRecord?

    /// Stores a task's analysis, replacing the previous one.
    func saveAnalysis(_ analysis: TaskAnalysisRecord) async throws

    // MARK: Retention

    /// Drops processed data older than `retention` allows, as of `now`: delivery bodies, then delivery rows, finished
    /// jobs, and audit entries when a limit is set. Never an unprocessed delivery, a queued, running or dead job, or a
    /// task's history.
    func prune(_ retention: RetentionSettings, now: Date) async throws -> PruneReport

    // MARK: Reports

    /// The dashboard's figures as of `now`, aggregated in the database.
    func analyticsFigures(now: Date) async throws -> AnalyticsFigures

    /// A page of tasks for reports, highest estimated return per hour first (tasks without an analysis last).
    func taskReportLines(limit: Int, offset: Int) async throws -> [TaskReportLine]

    // MARK: GitHub issues pfbot writes

    /// What pfbot recorded about an issue it writes to (nil when nothing).
    func issueMirror(repository: String, issue: Int) async throws -> IssueMirrorRecord?

    /// Records the digest of the body, labels and state pfbot last wrote to an issue (or found it already had).
    func recordIssueDigest(repository: String, issue: Int, digest: String, at time: Date) async throws

    /// Records that every pfbot comment on the issue is recorded in the store (pfbot created the issue, or listed
    /// its comments once), so posting a new event's comment needs no listing.
    func markIssueCommentsRecorded(repository: String, issue: Int, at time: Date) async throws

    /// The pfbot comment carrying `event` on an issue, as recorded (nil when none).
    func postedComment(repository: String, issue: Int, event: String) async throws -> PostedCommentRecord?

    /// Records a pfbot comment: before posting it (no comment id: unconfirmed) and after (with its id). A recorded
    /// comment id is never replaced by none.
    func recordPostedComment(_ comment: PostedCommentRecord) async throws

    // MARK: Template packs

    /// The template pack a task's branch was scaffolded from, as recorded (nil before work started).
    func chosenPack(task: TaskID) async throws -> ChosenPackRecord?

    /// Records (or replaces) the template pack chosen for a task.
    func recordChosenPack(_ choice: ChosenPackRecord) async throws

    // MARK: Webhook inbox

    /// Stores a verified webhook delivery and enqueues its processing job, atomically.
    /// - Returns: `false` when a delivery with this id was stored before (nothing written).
    func recordDelivery(_ delivery: Delivery) async throws -> Bool

    /// Stores several verified deliveries and enqueues their jobs in one transaction (one commit, so one disk
    /// flush for all of them): the group-commit path of the webhook ingress. All are stored or, on error, none.
    /// - Returns: for each delivery, in order, what ``recordDelivery(_:)`` would return: `false` when its id was
    ///   stored before, including by an earlier element of the same batch.
    func recordDeliveries(_ deliveries: [Delivery]) async throws -> [Bool]

    /// A stored delivery.
    func delivery(_ id: String) async throws -> Delivery?

    /// Marks a delivery processed (called after its job succeeded).
    func markDeliveryProcessed(_ id: String, at time: Date) async throws

    // MARK: Jobs

    /// Adds a job. With a `dedupeKey`, a second job with the same key is not added while the first exists.
    /// - Returns: the job's id, or `nil` when the dedupe key was taken.
    func enqueue(_ job: NewJob) async throws -> Int64?

    /// Claims the next due job for `worker` for `lease` seconds, or `nil` when none is due. Two workers never
    /// claim the same job; a job whose lease ran out (its worker died) can be claimed again.
    func claimJob(worker: String, kinds: Set<String>?, lease: Double, now: Date) async throws -> Job?

    /// Extends `worker`'s claim on a running job to `now + lease`, so a job that runs longer than one lease is not
    /// taken over while its worker is alive.
    /// - Returns: whether `worker` still held the claim (false when the lease had run out and another worker took the job).
    func renewJobClaim(_ id: Int64, worker: String, lease: Double, now: Date) async throws -> Bool

    /// Marks a claimed job done.
    func completeJob(_ id: Int64, now: Date) async throws

    /// Records a failure: the job is retried after a backoff, or moved to the dead letters after its last attempt.
    func failJob(_ id: Int64, error: String, now: Date) async throws -> JobFailureOutcome

    /// Records a failure that retrying cannot fix: the job becomes a dead letter at once.
    func buryJob(_ id: Int64, error: String, now: Date) async throws

    /// Returns a claimed job to the queue without counting an attempt (graceful shutdown).
    func releaseJob(_ id: Int64) async throws

    /// Queues a claimed job again at `until` without counting the attempt: another holder is doing its work now.
    func postponeJob(_ id: Int64, until: Date, reason: String) async throws

    /// A job by id.
    func job(_ id: Int64) async throws -> Job?

    /// How many jobs are in each state.
    func jobCounts() async throws -> [JobState: Int]

    // MARK: Outbox

    /// Reserves an external side effect under its idempotency key. If the key exists, the stored entry is
    /// returned unchanged, so a retried or duplicated action sees what happened the first time.
    func reserveOutbox(_ entry: NewOutboxEntry, now: Date) async throws -> OutboxEntry

    /// Records that the side effect happened, with its result.
    func markOutboxSent(key: String, result: String, now: Date) async throws

    /// Records a failed attempt.
    func markOutboxFailed(key: String, error: String, now: Date) async throws

    /// The entry for a key.
    func outboxEntry(key: String) async throws -> OutboxEntry?

    // MARK: Leadership

    /// Takes or renews the named lease (e.g. `poller`) for `holder` until `now + duration`, if it is free,
    /// expired, or already `holder`'s. Replicas sharing a database use it so one of them runs the poller.
    /// - Returns: whether `holder` holds the lease now.
    func acquireLease(_ name: String, holder: String, duration: Double, now: Date) async throws -> Bool

    /// Gives the lease up early (graceful shutdown), if `holder` holds it.
    func releaseLease(_ name: String, holder: String) async throws

    // MARK: Rewards on the ledger

    /// Records a reward payment the Task Node reported; a task's first report is kept.
    func recordRewardPayment(_ payment: RewardPaymentRecord) async throws

    /// Sets what the ledger says about a task's reward payment.
    func updateRewardPayment(task: TaskID, status: RewardPaymentRecord.Status, ledgerIndex: Int64?, detail: String?, checkedAt: Date) async throws

    /// The reward payment of a task, if one was reported.
    func rewardPayment(task: TaskID) async throws -> RewardPaymentRecord?

    /// The reward payments recorded under one payment hash (more than one when the Task Node reported one payment as
    /// the reward of several tasks).
    func rewardPayments(hash: String) async throws -> [RewardPaymentRecord]

    /// The reward payments in `status`, oldest report first.
    func rewardPayments(status: RewardPaymentRecord.Status) async throws -> [RewardPaymentRecord]

    /// Stores the Task Node's daily reward totals, replacing the days it reported again.
    func saveTaskNodeRewardDays(_ days: [TaskNodeRewardDay]) async throws

    /// The Task Node's daily reward totals, oldest day first.
    func taskNodeRewardDays() async throws -> [TaskNodeRewardDay]

    // MARK: Audit and settings

    /// Appends to the audit log.
    func appendAudit(_ entry: AuditEntry) async throws

    /// The newest audit entries first, each with the title of the task its subject names (when it names one).
    func auditLog(limit: Int) async throws -> [AuditEntry]

    /// A setting: a small named value that configures pfbot's behaviour (never pipeline state, which has tables).
    func setting(_ key: String) async throws -> String?

    /// Sets a named value.
    func setSetting(_ key: String, value: String, now: Date) async throws

    /// Closes connections. The store is unusable afterwards.
    func close() async throws
}

/// The database engine behind a ``Store``.
public enum StorageEngine: String, Sendable {
    case sqlite, postgres
}

import struct Foundation.Date
import PFBotCore

/// A stored task: the domain task plus where it lives on GitHub and the Task Node's raw answer.
public struct TaskRecord: Sendable, Equatable, Codable {
    /// The task.
    public var task: Task
    /// The Task Node's JSON for the task as last read, kept for audit.
    public var rawJSON: String?
    /// The repository (`owner/name`) the task is mirrored into.
    public var repository: String?
    /// The task's issue number.
    public var issueNumber: Int?
    /// The task's pull request number.
    public var pullNumber: Int?
    /// The task's branch.
    public var branch: String?
    /// A priority set with `/pf priority`.
    public var manualPriority: ManualPriority?
    /// An estimate set with `/pf estimate`.
    public var manualEstimate: HourEstimate?

    public init(
        task: Task, rawJSON: String? = nil, repository: String? = nil, issueNumber: Int? = nil, pullNumber: Int? = nil,
        branch: String? = nil, manualPriority: ManualPriority? = nil, manualEstimate: HourEstimate? = nil
    ) {
        self.task = task
        self.rawJSON = rawJSON
        self.repository = repository
        self.issueNumber = issueNumber
        self.pullNumber = pullNumber
        self.branch = branch
        self.manualPriority = manualPriority
        self.manualEstimate = manualEstimate
    }
}

/// One recorded state change.
public struct StateChange: Sendable, Equatable {
    public var taskID: TaskID
    /// `nil` for the first state of a task.
    public var from: TaskState?
    public var to: TaskState
    /// Who or what caused it (`tasknode`, `command:accept`, `webhook:pull_request`, `reconciler` …).
    public var source: String
    public var note: String?
    public var at: Date

    public init(taskID: TaskID, from: TaskState?, to: TaskState, source: String, note: String?, at: Date) {
        self.taskID = taskID
        self.from = from
        self.to = to
        self.source = source
        self.note = note
        self.at = at
    }
}

/// A verified GitHub webhook delivery, stored before it is acknowledged.
public struct Delivery: Sendable, Equatable {
    /// `X-GitHub-Delivery`.
    public var id: String
    /// `X-GitHub-Event`.
    public var event: String
    /// The payload's `action`, if any.
    public var action: String?
    /// The raw body, byte for byte.
    public var body: [UInt8]
    public var receivedAt: Date
    /// Set once processing succeeded.
    public var processedAt: Date?

    public init(id: String, event: String, action: String?, body: [UInt8], receivedAt: Date, processedAt: Date? = nil) {
        self.id = id
        self.event = event
        self.action = action
        self.body = body
        self.receivedAt = receivedAt
        self.processedAt = processedAt
    }

    /// The job kind that processes deliveries.
    public static let jobKind = "webhook"
    /// Attempts a delivery's job gets before it becomes a dead letter.
    public static let jobAttempts = 8
}

/// A job to add to the queue.
public struct NewJob: Sendable, Equatable {
    public var kind: String
    /// Job input, usually JSON.
    public var payload: String
    /// At most one live job per key.
    public var dedupeKey: String?
    /// Not before this time.
    public var runAt: Date
    /// Attempts before the job becomes a dead letter.
    public var maxAttempts: Int

    public init(kind: String, payload: String, dedupeKey: String? = nil, runAt: Date, maxAttempts: Int = 8) {
        self.kind = kind
        self.payload = payload
        self.dedupeKey = dedupeKey
        self.runAt = runAt
        self.maxAttempts = maxAttempts
    }
}

/// States of a job.
public enum JobState: String, Sendable, CaseIterable {
    /// Waiting for its run time or a worker.
    case queued
    /// Claimed by a worker until its lease ends.
    case running
    case done
    /// Failed on every attempt; kept for people to look at.
    case dead
}

/// A job in the queue.
public struct Job: Sendable, Equatable {
    public var id: Int64
    public var kind: String
    public var payload: String
    public var dedupeKey: String?
    public var state: JobState
    /// Attempts started so far, including the current one.
    public var attempts: Int
    public var maxAttempts: Int
    public var runAt: Date
    public var claimedBy: String?
    public var leaseUntil: Date?
    public var lastError: String?
}

/// What happened to a failed job.
public enum JobFailureOutcome: Sendable, Equatable {
    /// It will run again at this time.
    case retry(at: Date)
    /// It used its last attempt and is now a dead letter.
    case dead
}

/// An external side effect to perform exactly once.
public struct NewOutboxEntry: Sendable, Equatable {
    /// The idempotency key, e.g. `submit:<task id>:<merge sha>`.
    public var key: String
    public var kind: String
    public var payload: String

    public init(key: String, kind: String, payload: String) {
        self.key = key
        self.kind = kind
        self.payload = payload
    }
}

/// States of an outbox entry.
public enum OutboxState: String, Sendable {
    case pending, sent
}

/// A reserved external side effect and what became of it.
public struct OutboxEntry: Sendable, Equatable {
    public var key: String
    public var kind: String
    public var payload: String
    public var state: OutboxState
    public var attempts: Int
    /// The result recorded when sent (e.g. the Task Node's answer).
    public var result: String?
    public var lastError: String?
    public var createdAt: Date
    public var sentAt: Date?
}

/// One line of the audit log.
public struct AuditEntry: Sendable, Equatable {
    public var at: Date
    /// Who acted (`github:login`, `pfbot`, `tasknode`).
    public var actor: String
    /// What was done (`task.accept`, `submission.sent` …).
    public var action: String
    /// What it was done to (a task id, an issue URL).
    public var subject: String
    public var detail: String?

    public init(at: Date, actor: String, action: String, subject: String, detail: String? = nil) {
        self.at = at
        self.actor = actor
        self.action = action
        self.subject = subject
        self.detail = detail
    }
}

/// Storage failures; each says what to do.
public enum StoreError: Error, Sendable, CustomStringConvertible {
    /// No task with this id.
    case notFound(String)
    /// The database could not be reached or opened.
    case unavailable(location: String, reason: String)
    /// A stored row could not be read back (corruption or a newer schema).
    case corruptRow(table: String, key: String, reason: String)
    /// The database has migrations this pfbot does not know (a newer pfbot wrote it).
    case newerSchema(migration: String)

    public var description: String {
        switch self {
        case .notFound(let key):
            return "Nothing stored under \(key); run `pfbot sync` to fetch tasks from the Task Node."
        case .unavailable(let location, let reason):
            return "Cannot open the database at \(location): \(reason). Check storage.url and that the database is running."
        case .corruptRow(let table, let key, let reason):
            return "A row in \(table) (\(key)) cannot be read: \(reason). Restore the database from a backup or remove the row."
        case .newerSchema(let migration):
            return "The database was migrated by a newer pfbot (migration \(migration)); upgrade pfbot before using it."
        }
    }
}

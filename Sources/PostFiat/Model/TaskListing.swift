

/// The answer of `GET /api/tasks`: the readable tasks, one problem per unreadable task, requests and sync.
public struct TaskListing: Sendable {
    /// Tasks from every bucket, in the server's order (outstanding, verification, rewarded, refused).
    public var tasks: [NodeTask]
    /// Tasks that could not be read, each with its own error; they do not hide the others.
    public var problems: [TaskProblem]
    /// The contributor's task requests.
    public var requests: [TaskRequestItem]
    /// `sync.status` (`ready`, `empty`, `indexing_lag`…).
    public var syncStatus: String?
    /// `sync.nextPollMs`: poll no faster than this; `nil` when idle.
    public var nextPollMilliseconds: Int?
    /// The whole answer as received.
    public var raw: LiteralJSON

    /// A listing.
    public init(tasks: [NodeTask], problems: [TaskProblem], requests: [TaskRequestItem], syncStatus: String?,
                nextPollMilliseconds: Int?, raw: LiteralJSON) {
        self.tasks = tasks
        self.problems = problems
        self.requests = requests
        self.syncStatus = syncStatus
        self.nextPollMilliseconds = nextPollMilliseconds
        self.raw = raw
    }
}

/// What pfbot tells people outside GitHub about a new task: the task, its analysis in brief, and where it lives.
public struct TaskAnnouncement: Sendable, Equatable, Encodable {
    /// Always `task.proposed`.
    public var event = "task.proposed"
    public var task: String
    public var title: String
    public var kind: String
    public var rewardPFT: String
    public var category: String
    public var estimatedHours: Double
    public var roi: Double
    /// `owner/name`.
    public var repository: String
    /// The task's issue, once it has one.
    public var issue: Int?

    public init(task: String, title: String, kind: String, rewardPFT: String, category: String, estimatedHours: Double, roi: Double,
                repository: String, issue: Int?) {
        self.task = task
        self.title = title
        self.kind = kind
        self.rewardPFT = rewardPFT
        self.category = category
        self.estimatedHours = estimatedHours
        self.roi = roi
        self.repository = repository
        self.issue = issue
    }
}

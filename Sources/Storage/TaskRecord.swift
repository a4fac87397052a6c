import struct Foundation.Date
import PFBotCore

/// A stored task: the domain task plus where it lives on GitHub and the Task Node's raw answer.
public struct TaskRecord: Sendable, Equatable, Codable {
    /// The task.
    public var task: PostFiatTask
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
    /// The commit the merge of the task's pull request made, recorded when the work is submitted
    /// (``Store/recordMergeCommit(_:commit:)``); a save that does not know it keeps the one stored.
    public var mergeCommit: String?

    public init(
        task: PostFiatTask, rawJSON: String? = nil, repository: String? = nil, issueNumber: Int? = nil, pullNumber: Int? = nil,
        branch: String? = nil, manualPriority: ManualPriority? = nil, manualEstimate: HourEstimate? = nil, mergeCommit: String? = nil
    ) {
        self.task = task
        self.rawJSON = rawJSON
        self.repository = repository
        self.issueNumber = issueNumber
        self.pullNumber = pullNumber
        self.branch = branch
        self.manualPriority = manualPriority
        self.manualEstimate = manualEstimate
        self.mergeCommit = mergeCommit
    }
}

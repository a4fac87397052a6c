import Foundation
import PFBotCore

/// The payload of a QC job: the head to judge.
public struct QualityControlJob: Codable, Sendable, Equatable {
    /// The task whose head is judged.
    public var task: TaskID
    /// The pull request head (or pushed commit) to judge.
    public var head: String
    /// `/pf qc`: judge the head again even when a verdict for it is recorded.
    public var requested: Bool
    /// The "pfbot / QC" check run a planning job started while the tests ran in the separate steps job
    /// (``StepPlan``), completed by the job that applies their result; `nil` starts a new one.
    public var checkRunID: Int?

    /// Creates the payload.
    public init(task: TaskID, head: String, requested: Bool = false, checkRunID: Int? = nil) {
        self.task = task
        self.head = head
        self.requested = requested
        self.checkRunID = checkRunID
    }
}

import Foundation
import PFBotCore

/// The payload of a `pipeline.steps` job: run a task's template-pack steps on a commit of its branch (only queued by
/// `pfbot action`, which can run them).
public struct StepsJob: Codable, Sendable, Equatable {
    /// The task whose steps run.
    public var task: TaskID
    /// The commit they run on.
    public var head: String
    /// The one step to run (`/pf run <step>`); `nil` runs every step.
    public var step: String?
    /// `/pf run`: run even when the commit was made by a step.
    public var requested: Bool
    /// The "pfbot / steps" check run a planning job started for this run, completed by the job that applies the
    /// steps job's results (``StepPlan``); `nil` starts a new one.
    public var checkRunID: Int?

    /// Creates the payload.
    public init(task: TaskID, head: String, step: String? = nil, requested: Bool = false, checkRunID: Int? = nil) {
        self.task = task
        self.head = head
        self.step = step
        self.requested = requested
        self.checkRunID = checkRunID
    }
}

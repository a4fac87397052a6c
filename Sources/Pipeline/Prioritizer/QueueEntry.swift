import PFBotCore

/// One task's place in the work queue.
public struct QueueEntry: Sendable, Equatable, Codable {
    /// The task.
    public var taskID: TaskID
    /// 1-based position; the next task to work on is 1.
    public var position: Int
    /// The computed score with its reasons.
    public var score: PriorityScore
    /// Unfinished tasks this one names and waits for.
    public var blockedBy: [TaskID]
    /// Why the task is not workable now (`blocked by …`, `WIP limit`), or `nil` when it is.
    public var waitingReason: String?
}

/// What the prioritizer needs to know about a task.
public struct PriorityCandidate: Sendable {
    /// The task.
    public var task: PostFiatTask
    /// Its analysis, whose return on investment feeds the score.
    public var analysis: TaskAnalysis
    /// The priority a person set with `/pf priority`, which comes before any score.
    public var manualPriority: ManualPriority?

    /// Creates a candidate from its parts.
    public init(task: PostFiatTask, analysis: TaskAnalysis, manualPriority: ManualPriority?) {
        self.task = task
        self.analysis = analysis
        self.manualPriority = manualPriority
    }
}

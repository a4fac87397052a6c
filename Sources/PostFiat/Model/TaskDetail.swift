

/// The answer of `GET /api/tasks/detail`.
public struct TaskDetail: Sendable {
    /// The task, with ``NodeTask/verificationRequest`` and ``NodeTask/rewardOutcome`` filled.
    public var task: NodeTask
    /// `actions` flags (`canAccept`, `canSubmitInitialEvidence`…).
    public var actions: [String: Bool]
    /// The whole answer as received.
    public var raw: LiteralJSON

    /// A detail answer.
    public init(task: NodeTask, actions: [String: Bool], raw: LiteralJSON) {
        self.task = task
        self.actions = actions
        self.raw = raw
    }
}

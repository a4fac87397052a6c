import Storage

/// Every kind of job the pipeline queues. The raw value is what the `jobs` table stores in `kind`.
public enum JobKind: String, Sendable, CaseIterable, Codable {
    /// Process a stored webhook delivery (queued by the inbox's database trigger).
    case webhook = "webhook"
    /// A new proposal: open its issue, notify, maybe auto-accept.
    case announce = "pipeline.announce"
    /// Accept a proposal on the Task Node (auto-accept or `/pf accept`).
    case accept = "pipeline.accept"
    /// Create the branch, templates and draft PR of an accepted task.
    case startWork = "pipeline.start-work"
    /// Post the verification question.
    case relayVerification = "pipeline.relay-verification"
    /// Record the reward and close the issue.
    case recordReward = "pipeline.record-reward"
    /// Close the issue of a task that ended without reward.
    case close = "pipeline.close"
    /// Bring the issue body and labels in line with the task's state.
    case updateIssue = "pipeline.update-issue"
    /// Run quality control on a task branch's head.
    case qualityControl = "pipeline.qc"
    /// Run a task's template-pack steps on its branch (GitHub Actions only).
    case runSteps = "pipeline.steps"
    /// Submit a task's work to the Task Node (after a merge or `/pf submit`).
    case submit = "pipeline.submit"

    /// Attempts before a job of this kind becomes a dead letter.
    var maxAttempts: Int {
        self == .webhook ? Delivery.jobAttempts : 8
    }
}

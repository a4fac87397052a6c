

/// The two submission modes the Task Node picks from the task's state (protocol §4.4).
public enum SubmissionMode: String, Sendable, CaseIterable {
    /// `accepted` → `submitted`.
    case initialSubmission = "initial_submission"
    /// `verification_requested` → `verification_response_submitted`.
    case verificationResponse = "verification_response"

    /// The payload schema.
    var schema: String {
        switch self {
        case .initialSubmission: return "pf.task.submission.v1"
        case .verificationResponse: return "pf.task.verification_response.v1"
        }
    }

    /// The `statusKey` after success.
    var postState: String {
        switch self {
        case .initialSubmission: return "submitted"
        case .verificationResponse: return "verification_response_submitted"
        }
    }

    /// The per-wallet cap class.
    var agentAction: AgentAction {
        switch self {
        case .initialSubmission: return .taskSubmission
        case .verificationResponse: return .taskVerificationResponse
        }
    }
}

import Foundation

/// The classes of write the Task Node counts per wallet (`agent-quality-gates.js`).
public enum AgentAction: String, Sendable, CaseIterable {
    case taskAction = "task_action"
    case taskSubmission = "task_submission"
    case taskVerificationResponse = "task_verification_response"
    case taskRequest = "task_request"
}

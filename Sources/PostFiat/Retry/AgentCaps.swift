import Foundation

/// The per-wallet hourly caps the Task Node applies to wallet sessions (protocol §4.6), counted on `submit`.
public struct AgentCaps: Sendable, Equatable {
    /// Accept/refuse/cancel writes per window.
    public var taskAction: Int
    /// Initial submissions per window.
    public var taskSubmission: Int
    /// Verification responses per window.
    public var taskVerificationResponse: Int
    /// Task requests per window.
    public var taskRequest: Int
    /// The window, in seconds.
    public var windowSeconds: Double

    /// The caps for an ordinary (untrusted) wallet: 12 / 6 / 6 / 3 per hour.
    public static let standard = AgentCaps(taskAction: 12, taskSubmission: 6, taskVerificationResponse: 6, taskRequest: 3)
    /// The caps for a trusted wallet: 50 / 30 / 30 / 20 per hour.
    public static let trusted = AgentCaps(taskAction: 50, taskSubmission: 30, taskVerificationResponse: 30, taskRequest: 20)

    /// Caps per window.
    public init(taskAction: Int, taskSubmission: Int, taskVerificationResponse: Int, taskRequest: Int, windowSeconds: Double = 3600) {
        self.taskAction = taskAction
        self.taskSubmission = taskSubmission
        self.taskVerificationResponse = taskVerificationResponse
        self.taskRequest = taskRequest
        self.windowSeconds = windowSeconds
    }

    /// The cap for an agent action class.
    func limit(for action: AgentAction) -> Int {
        switch action {
        case .taskAction: return taskAction
        case .taskSubmission: return taskSubmission
        case .taskVerificationResponse: return taskVerificationResponse
        case .taskRequest: return taskRequest
        }
    }
}

import PFBotCore

/// A `/pf` command with validated arguments.
public enum TaskCommand: Sendable, Equatable {
    case help
    case status
    case accept(reason: String?)
    case refuse(reason: String)
    case cancel(reason: String?)
    case start
    case qc
    case submit
    case verify(answer: String)
    case priority(ManualPriority)
    case estimate(HourEstimate)
    case request(text: String)

    /// The verb, as typed after `/pf`.
    public var verb: String {
        switch self {
        case .help: return "help"
        case .status: return "status"
        case .accept: return "accept"
        case .refuse: return "refuse"
        case .cancel: return "cancel"
        case .start: return "start"
        case .qc: return "qc"
        case .submit: return "submit"
        case .verify: return "verify"
        case .priority: return "priority"
        case .estimate: return "estimate"
        case .request: return "request"
        }
    }

    /// Whether the command changes something, so it is pinned to the head SHA the commenter saw.
    public var isMutating: Bool {
        switch self {
        case .help, .status: return false
        default: return true
        }
    }

    /// The task states the command makes sense in; `nil` for any state.
    public var allowedStates: Set<TaskState>? {
        switch self {
        case .accept, .refuse: return [.proposed]
        case .cancel: return Set([TaskState.accepted, .submitted, .verificationRequested, .verificationResponseSubmitted] + TaskState.workStates)
        case .start: return Set([TaskState.accepted] + TaskState.workStates)
        case .qc, .submit: return Set([TaskState.accepted] + TaskState.workStates)
        case .verify: return [.verificationRequested]
        case .help, .status, .priority, .estimate, .request: return nil
        }
    }
}

/// Where a task is: the Task Node's lifecycle (`statusKey`, protocol §5) refined by pfbot's own work states.
///
/// The Task Node knows only `accepted` while the contributor works; pfbot tracks finer states inside it
/// (`mirrored` … `merged`). ``nodeStatus`` maps every state back to the Task Node's vocabulary.
public enum TaskState: String, Sendable, Codable, CaseIterable, CustomStringConvertible {
    // The Task Node's states (`tn:shared/task-lifecycle.js`).
    case proposed
    case accepted
    case submitted
    case verificationRequested = "verification_requested"
    case verificationResponseSubmitted = "verification_response_submitted"
    case rewardDecided = "reward_decided"
    case rewarded
    case refused
    case cancelled
    case expired
    case rejected
    /// A projection status outside the Task Node's known list, which it reports as `statusKey:"unknown"` and lists
    /// as outstanding (`tn:shared/task-lifecycle.js`). pfbot tracks it and waits; it writes nothing in this state.
    case unknown
    // pfbot's work states while the Task Node says `accepted`.
    case mirrored
    case inProgress = "in_progress"
    case qcFailed = "qc_failed"
    case qcPassed = "qc_passed"
    case merged

    /// States the Task Node itself reports (its `statusKey` values), in lifecycle order.
    public static let nodeStates: [TaskState] = [
        .proposed, .accepted, .submitted, .verificationRequested, .verificationResponseSubmitted,
        .rewardDecided, .rewarded, .refused, .cancelled, .expired, .rejected, .unknown,
    ]

    /// pfbot's work states, all of which the Task Node sees as `accepted`.
    public static let workStates: [TaskState] = [.mirrored, .inProgress, .qcFailed, .qcPassed, .merged]

    /// Reads a Task Node `statusKey`, `unknown` included; `nil` for values outside the protocol (the Task Node
    /// itself maps every status it does not know to `unknown`, so anything else is a broken answer).
    public init?(statusKey: String) {
        guard let state = TaskState(rawValue: statusKey), TaskState.nodeStates.contains(state) else { return nil }
        self = state
    }

    /// The state as the Task Node names it.
    public var nodeStatus: TaskState {
        TaskState.workStates.contains(self) ? .accepted : self
    }

    /// Whether no further transition can happen (protocol §5: rewarded, refused, rejected, expired, cancelled).
    public var isTerminal: Bool {
        switch self {
        case .rewarded, .refused, .rejected, .expired, .cancelled: return true
        default: return false
        }
    }

    /// Whether the contributor is working on the task (accepted and not yet submitted).
    public var isInFlight: Bool { nodeStatus == .accepted }

    /// The Task Node's bucket for this state (protocol §3.1).
    public var bucket: TaskBucket {
        switch nodeStatus {
        case .verificationRequested, .verificationResponseSubmitted: return .verification
        case .rewardDecided, .rewarded: return .rewarded
        case .refused, .rejected, .expired, .cancelled: return .refused
        default: return .outstanding
        }
    }

    /// The GitHub label naming this state, e.g. `pf:qc-failed`.
    public var label: String { "pf:" + rawValue.replacingOccurrences(of: "_", with: "-") }

    public var description: String { rawValue }
}

/// The Task Node's list buckets (`GET /api/tasks`).
public enum TaskBucket: String, Sendable, Codable, CaseIterable {
    case outstanding, verification, refused, rewarded
}

import PFBotCore

/// What the pipeline does about a task the Task Node reports, given what pfbot had stored.
public enum PipelineReaction: Sendable, Equatable {
    /// A new proposal that passed the filters: open its issue and notify.
    case announceProposal
    /// A new proposal the filters skip.
    case skip(reason: String)
    /// The task became accepted (here or elsewhere): create its branch, templates and draft PR.
    case startWork
    /// The Task Node asks the verification question: post it on the issue.
    case relayVerification
    /// A reward was decided or paid: record it and close the issue.
    case recordReward
    /// Refused, cancelled, expired or rejected: label and close the issue.
    case close(TaskState)
    /// Submitted, a state the Task Node itself does not know (`unknown`, said on the issue), or a change with
    /// nothing to do.
    case updateIssue
}

/// Maps a Task Node observation to the reactions it needs. Pure, so every path is unit-tested.
public enum ObservedChange {
    /// - Parameters:
    ///   - stored: the state pfbot had, `nil` for a task seen for the first time.
    ///   - observed: the state the Task Node reports.
    ///   - skipReason: the filters' verdict on a proposal.
    public static func reactions(stored: TaskState?, observed: TaskState, skipReason: String?) -> [PipelineReaction] {
        if let stored, stored.nodeStatus == observed { return [] }
        switch observed {
        case .proposed:
            if let skipReason { return [.skip(reason: skipReason)] }
            return [.announceProposal]
        case .accepted:
            return [.startWork]
        case .submitted, .unknown:
            return [.updateIssue]
        case .verificationRequested:
            return [.relayVerification]
        case .verificationResponseSubmitted:
            return [.updateIssue]
        case .rewardDecided, .rewarded:
            return [.recordReward]
        case .refused, .cancelled, .expired, .rejected:
            return stored == nil ? [] : [.close(observed)]
        case .mirrored, .inProgress, .qcFailed, .qcPassed, .merged:
            return []
        }
    }
}

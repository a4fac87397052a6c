import PFBotCore
import Testing

@Suite struct TaskTransitionsTests {
    let task = try! TaskID("task_0123456789abcdef0123456789abcdef")

    /// Every move of protocol §5 (direct mode and chain replay), plus pfbot's work states.
    static let allowed: [(TaskState, TaskState)] = [
        (.proposed, .accepted), (.proposed, .refused), (.proposed, .expired), (.proposed, .rejected), (.proposed, .cancelled),
        (.accepted, .submitted), (.accepted, .cancelled), (.accepted, .expired), (.accepted, .mirrored), (.accepted, .inProgress),
        (.submitted, .verificationRequested), (.submitted, .rewardDecided), (.submitted, .rewarded), (.submitted, .rejected),
        (.submitted, .cancelled),
        (.verificationRequested, .verificationResponseSubmitted), (.verificationRequested, .cancelled), (.verificationRequested, .expired),
        (.verificationResponseSubmitted, .verificationRequested), (.verificationResponseSubmitted, .rewardDecided),
        (.verificationResponseSubmitted, .rewarded), (.verificationResponseSubmitted, .rejected), (.verificationResponseSubmitted, .cancelled),
        (.rewardDecided, .rewarded),
        (.mirrored, .inProgress), (.mirrored, .qcFailed), (.mirrored, .qcPassed),
        (.inProgress, .qcFailed), (.inProgress, .qcPassed),
        (.qcFailed, .inProgress), (.qcFailed, .qcPassed),
        (.qcPassed, .inProgress), (.qcPassed, .qcFailed), (.qcPassed, .merged),
        (.merged, .qcFailed),
    ] + TaskState.workStates.flatMap { [($0, TaskState.submitted), ($0, TaskState.cancelled), ($0, TaskState.expired)] }
        // `statusKey:"unknown"` (§12): any open state may become unknown, and unknown may become any Task Node state.
        + ([.proposed, .accepted, .submitted, .verificationRequested, .verificationResponseSubmitted, .rewardDecided] + TaskState.workStates)
            .map { ($0, TaskState.unknown) }
        + TaskState.nodeStates.filter { $0 != .unknown }.map { (TaskState.unknown, $0) }

    @Test func everyAllowedMove_isAccepted() throws {
        for (from, to) in Self.allowed {
            #expect(TaskTransitions.isAllowed(from: from, to: to), "\(from) → \(to) should be allowed")
            try TaskTransitions.validate(task, from: from, to: to)
        }
    }

    @Test func theTableHoldsNothingBeyondTheAllowedMoves() {
        let listed = Set(Self.allowed.map { "\($0.0)>\($0.1)" })
        for from in TaskState.allCases {
            for to in TaskTransitions.successors(of: from) {
                #expect(listed.contains("\(from)>\(to)"), "unexpected move \(from) → \(to) in the table")
            }
        }
    }

    @Test(arguments: [
        (TaskState.proposed, TaskState.submitted), (.proposed, .rewarded), (.accepted, .rewarded), (.accepted, .proposed),
        (.submitted, .accepted), (.verificationRequested, .rewarded), (.rewarded, .accepted), (.refused, .accepted),
        (.cancelled, .accepted), (.rejected, .rewarded), (.expired, .accepted), (.merged, .qcPassed), (.mirrored, .merged),
        (.rewardDecided, .cancelled), (.rewarded, .unknown), (.refused, .unknown), (.unknown, .mirrored),
    ])
    func forbiddenMove_isATypedError(from: TaskState, to: TaskState) {
        #expect(!TaskTransitions.isAllowed(from: from, to: to))
        #expect(throws: DomainError.illegalTransition(task: task, from: from, to: to)) {
            try TaskTransitions.validate(task, from: from, to: to)
        }
    }

    @Test func terminalStates_haveNoSuccessors() {
        for state in TaskState.allCases where state.isTerminal {
            #expect(TaskTransitions.successors(of: state).isEmpty)
        }
    }

    @Test func illegalTransitionMessage_namesTheAllowedMoves() {
        let message = DomainError.illegalTransition(task: task, from: .proposed, to: .rewarded).description
        #expect(message.contains("cannot move from proposed to rewarded"))
        #expect(message.contains("accepted"))
    }

    @Test func workStates_lookAcceptedToTheTaskNode() {
        for state in TaskState.workStates {
            #expect(state.nodeStatus == .accepted)
            #expect(state.bucket == .outstanding)
        }
        #expect(TaskState.verificationResponseSubmitted.bucket == .verification)
        #expect(TaskState.rewardDecided.bucket == .rewarded)
        #expect(TaskState.expired.bucket == .refused)
    }

    @Test func statusKeys_outsideTheProtocol_areNotGuessed() {
        #expect(TaskState(statusKey: "verification_requested") == .verificationRequested)
        #expect(TaskState(statusKey: "qc_passed") == nil)
        #expect(TaskState(statusKey: "Proposed") == nil)
        #expect(TaskState(statusKey: "teleported") == nil)
    }

    @Test func statusKeyUnknown_isAnOpenOutstandingState_theTaskNodeMayLeaveForAnyOfItsStates() {
        #expect(TaskState(statusKey: "unknown") == .unknown)
        #expect(TaskState.unknown.bucket == .outstanding)
        #expect(!TaskState.unknown.isTerminal)
        #expect(!TaskState.unknown.isInFlight)
        #expect(TaskState.unknown.label == "pf:unknown")
    }
}

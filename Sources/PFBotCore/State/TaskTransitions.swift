/// The legal moves between ``TaskState``s.
///
/// Task Node moves follow protocol §5 (including the chain-replay states `reward_decided`, `rejected`,
/// `expired`, which are handled on read). Work states move freely among themselves as QC and pushes come
/// and go, and any of them can leave for `submitted` or `cancelled`, because the Task Node may learn of a
/// submission or a cancellation made outside pfbot. `unknown` (a status the Task Node itself does not know) may be
/// entered from any open state and left for any Task Node state: the Task Node is the truth for both moves.
public enum TaskTransitions {
    private static let nodeMoves: [TaskState: Set<TaskState>] = [
        .proposed: [.accepted, .refused, .expired, .rejected, .cancelled, .unknown],
        .accepted: [.submitted, .cancelled, .expired, .unknown],
        .submitted: [.verificationRequested, .rewardDecided, .rewarded, .rejected, .cancelled, .unknown],
        .verificationRequested: [.verificationResponseSubmitted, .cancelled, .expired, .unknown],
        .verificationResponseSubmitted: [.verificationRequested, .rewardDecided, .rewarded, .rejected, .cancelled, .unknown],
        .rewardDecided: [.rewarded, .unknown],
        .unknown: Set(TaskState.nodeStates).subtracting([.unknown]),
    ]

    private static let workMoves: [TaskState: Set<TaskState>] = [
        .accepted: [.mirrored, .inProgress],
        .mirrored: [.inProgress, .qcFailed, .qcPassed],
        .inProgress: [.qcFailed, .qcPassed],
        .qcFailed: [.inProgress, .qcPassed],
        .qcPassed: [.inProgress, .qcFailed, .merged],
        .merged: [.qcFailed],
    ]

    /// Every state `state` may move to.
    public static func successors(of state: TaskState) -> Set<TaskState> {
        var next = workMoves[state] ?? []
        if TaskState.workStates.contains(state) {
            next.formUnion(nodeMoves[.accepted] ?? [])
        } else {
            next.formUnion(nodeMoves[state] ?? [])
        }
        return next
    }

    /// Whether `from → to` is allowed. Staying in the same state is always allowed (a no-op).
    public static func isAllowed(from: TaskState, to: TaskState) -> Bool {
        from == to || successors(of: from).contains(to)
    }

    /// Checks a move.
    /// - Throws: ``DomainError/illegalTransition(task:from:to:)`` when the move is not in the table.
    public static func validate(_ task: TaskID, from: TaskState, to: TaskState) throws {
        guard isAllowed(from: from, to: to) else {
            throw DomainError.illegalTransition(task: task, from: from, to: to)
        }
    }
}

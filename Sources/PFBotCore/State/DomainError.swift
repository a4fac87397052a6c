/// Errors raised by pfbot's domain rules. Each description says what was wrong and what to do.
public enum DomainError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A task id that is empty, too long or has characters outside `A–Z a–z 0–9 _ - .`.
    case invalidTaskID(String)
    /// A PFT amount that is not exact decimal text within range.
    case invalidAmount(String)
    /// A state change the lifecycle does not allow.
    case illegalTransition(task: TaskID, from: TaskState, to: TaskState)
    /// A priority outside the accepted range.
    case invalidPriority(Int)
    /// An hour estimate that is not a positive, finite number of hours.
    case invalidEstimate(String)

    public var description: String {
        switch self {
        case .invalidTaskID(let value):
            return "Invalid task id \(value.debugDescription): ids are 1–128 characters of letters, digits, '_', '-', '.'. Copy the id from `pfbot tasks`."
        case .invalidAmount(let value):
            return "Invalid PFT amount \(value.debugDescription): write a decimal with at most 6 places, e.g. 12.5."
        case .illegalTransition(let task, let from, let to):
            let allowed = TaskTransitions.successors(of: from).map(\.rawValue).sorted().joined(separator: ", ")
            return "Task \(task) cannot move from \(from) to \(to); from \(from) it can move to: \(allowed.isEmpty ? "nothing (terminal)" : allowed). Run `pfbot sync` to refresh its state."
        case .invalidPriority(let value):
            return "Invalid priority \(value): use a whole number from \(ManualPriority.range.lowerBound) to \(ManualPriority.range.upperBound) (higher runs first)."
        case .invalidEstimate(let value):
            return "Invalid estimate \(value.debugDescription): give hours as a number from 0.01 to 1000, e.g. 2.5."
        }
    }
}

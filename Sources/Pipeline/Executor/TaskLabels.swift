import PFBotCore
import Storage

/// The labels a task's issue carries: `pf:task`, its state and its category, plus pfbot's flags; every other
/// label on the issue is left alone.
enum TaskLabels {
    static let task = "pf:task"
    static let changesRequested = "pf:changes-requested"
    static let rejected = "pf:rejected"
    /// Flags a sync without flags of its own keeps as they are on the issue.
    static let keptFlags: Set<String> = [changesRequested]
    static let categoryNames = Set(Category.allCases.map(\.rawValue))

    /// The labels after setting pfbot's own: labels not starting with `pf:` are kept; pfbot's are replaced.
    static func merged(current: [String], state: TaskState, category: Category, flags: [String] = [],
                       payment: RewardPaymentRecord.Status? = nil) -> [String] {
        let foreign = current.filter { !$0.hasPrefix("pf:") }
        return foreign + own(state: state, category: category, flags: flags, payment: payment)
    }

    /// The state's label; a reward whose payment the ledger has not confirmed yet is `pf:reward-pending` (or
    /// `pf:reward-mismatch` when the ledger shows something else) instead of `pf:rewarded`.
    static func stateLabel(_ state: TaskState, payment: RewardPaymentRecord.Status?) -> String {
        guard state == .rewarded else { return state.label }
        switch payment {
        case .pending?: return "pf:reward-pending"
        case .mismatch?: return "pf:reward-mismatch"
        case .confirmed?, nil: return state.label
        }
    }

    /// The flags that follow from the task itself: `pf:rejected` once the reviewer's decision paid nothing.
    static func derivedFlags(_ task: PostFiatTask) -> [String] {
        task.isRejected ? [rejected] : []
    }

    /// pfbot's labels for a task.
    static func own(state: TaskState, category: Category, flags: [String] = [], payment: RewardPaymentRecord.Status? = nil) -> [String] {
        [task, stateLabel(state, payment: payment), category.label] + flags
    }
}

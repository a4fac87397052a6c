import PFBotCore

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
    static func merged(current: [String], state: TaskState, category: Category, flags: [String] = []) -> [String] {
        let foreign = current.filter { !$0.hasPrefix("pf:") }
        return foreign + [task, state.label, category.label] + flags
    }

    /// The flags that follow from the task itself: `pf:rejected` once the reviewer's decision paid nothing.
    static func derivedFlags(_ task: PostFiatTask) -> [String] {
        task.isRejected ? [rejected] : []
    }

    /// pfbot's labels for a task.
    static func own(state: TaskState, category: Category, flags: [String] = []) -> [String] {
        [task, state.label, category.label] + flags
    }
}

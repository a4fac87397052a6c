/// `/pf priority <n>`: sets a manual priority (higher runs first).
public struct PriorityVerb: CommandVerb {
    public static let name = "priority"
    public static let usage = "/pf priority <n>"
    public static let summary = "set a manual priority from -100 to 100 (higher runs first)"
    public static let allowedStates: Set<TaskState>? = nil

    public var priority: ManualPriority

    public init(priority: ManualPriority) {
        self.priority = priority
    }

    public static func parse(_ text: String) -> Result<PriorityVerb, CommandRejection> {
        guard let value = Int(text), let priority = try? ManualPriority(value) else {
            return reject("give a whole number from \(ManualPriority.range.lowerBound) to \(ManualPriority.range.upperBound): `/pf priority 10` (higher runs first).")
        }
        return .success(PriorityVerb(priority: priority))
    }
}

extension TaskCommand {
    /// `/pf priority <n>`.
    public static func priority(_ priority: ManualPriority) -> TaskCommand { TaskCommand(PriorityVerb(priority: priority)) }
}

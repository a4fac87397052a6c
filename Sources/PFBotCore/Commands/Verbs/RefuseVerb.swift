/// `/pf refuse <reason>`: refuses the proposed task.
public struct RefuseVerb: CommandVerb {
    public static let name = "refuse"
    public static let usage = "/pf refuse <reason>"
    public static let summary = "refuse the proposed task (a reason is required; the Task Node records it)"
    public static let allowedStates: Set<TaskState>? = [.proposed]

    /// The reason the Task Node records.
    public var reason: String

    public init(reason: String) {
        self.reason = reason
    }

    public static func parse(_ text: String) -> Result<RefuseVerb, CommandRejection> {
        guard !text.isEmpty else { return reject("give a reason: `/pf refuse <reason>` (the Task Node records it).") }
        return .success(RefuseVerb(reason: text))
    }
}

extension TaskCommand {
    /// `/pf refuse <reason>`.
    public static func refuse(reason: String) -> TaskCommand { TaskCommand(RefuseVerb(reason: reason)) }
}

/// `/pf cancel [reason]`: cancels an accepted task.
public struct CancelVerb: CommandVerb {
    public static let name = "cancel"
    public static let usage = "/pf cancel [reason]"
    public static let summary = "cancel an accepted task"
    public static let allowedStates: Set<TaskState>? = Set([TaskState.accepted, .submitted, .verificationRequested, .verificationResponseSubmitted]
                                                            + TaskState.workStates)

    /// The reason sent to the Task Node, if given.
    public var reason: String?

    public init(reason: String?) {
        self.reason = reason
    }

    public static func parse(_ text: String) -> Result<CancelVerb, CommandRejection> {
        .success(CancelVerb(reason: text.isEmpty ? nil : text))
    }
}

extension TaskCommand {
    /// `/pf cancel [reason]`.
    public static func cancel(reason: String?) -> TaskCommand { TaskCommand(CancelVerb(reason: reason)) }
}

/// `/pf accept [reason]`: accepts the proposed task on the Task Node.
public struct AcceptVerb: CommandVerb {
    public static let name = "accept"
    public static let usage = "/pf accept [reason]"
    public static let summary = "accept the proposed task on the Task Node; pfbot then makes its branch and draft PR"
    public static let allowedStates: Set<TaskState>? = [.proposed]

    /// The reason sent to the Task Node, if given.
    public var reason: String?

    public init(reason: String?) {
        self.reason = reason
    }

    public static func parse(_ text: String) -> Result<AcceptVerb, CommandRejection> {
        .success(AcceptVerb(reason: text.isEmpty ? nil : text))
    }
}

extension TaskCommand {
    /// `/pf accept [reason]`.
    public static func accept(reason: String?) -> TaskCommand { TaskCommand(AcceptVerb(reason: reason)) }
}

/// `/pf start`: (re)creates the task branch with its templates and the draft pull request.
public struct StartVerb: CommandVerb {
    public static let name = "start"
    public static let usage = "/pf start"
    public static let summary = "(re)create the task branch with its templates and the draft pull request"
    public static let allowedStates: Set<TaskState>? = Set([TaskState.accepted] + TaskState.workStates)

    public init() {}

    public static func parse(_ text: String) -> Result<StartVerb, CommandRejection> { noArguments(StartVerb(), text) }
}

extension TaskCommand {
    /// `/pf start`.
    public static var start: TaskCommand { TaskCommand(StartVerb()) }
}

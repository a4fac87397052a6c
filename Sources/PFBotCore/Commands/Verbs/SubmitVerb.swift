/// `/pf submit`: submits the work without waiting for the merge (QC must pass).
public struct SubmitVerb: CommandVerb {
    public static let name = "submit"
    public static let usage = "/pf submit"
    public static let summary = "submit the work to Post Fiat without waiting for the merge (QC must pass)"
    public static let allowedStates: Set<TaskState>? = Set([TaskState.accepted] + TaskState.workStates)

    public init() {}

    public static func parse(_ text: String) -> Result<SubmitVerb, CommandRejection> { noArguments(SubmitVerb(), text) }
}

extension TaskCommand {
    /// `/pf submit`.
    public static var submit: TaskCommand { TaskCommand(SubmitVerb()) }
}

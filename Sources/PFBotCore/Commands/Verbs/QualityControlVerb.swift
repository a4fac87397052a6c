/// `/pf qc`: runs quality control on the pull request's head now.
public struct QualityControlVerb: CommandVerb {
    public static let name = "qc"
    public static let usage = "/pf qc"
    public static let summary = "run quality control on the pull request's head now"
    public static let allowedStates: Set<TaskState>? = Set([TaskState.accepted] + TaskState.workStates)

    public init() {}

    public static func parse(_ text: String) -> Result<QualityControlVerb, CommandRejection> { noArguments(QualityControlVerb(), text) }
}

extension TaskCommand {
    /// `/pf qc`.
    public static var qc: TaskCommand { TaskCommand(QualityControlVerb()) }
}

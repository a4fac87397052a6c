/// `/pf status`: the task's state, queue position, QC and submission status.
public struct StatusVerb: CommandVerb {
    public static let name = "status"
    public static let usage = "/pf status"
    public static let summary = "the task's state, queue position, QC and submission status"
    public static let defaultPermission = RepositoryPermission.read
    public static let allowedStates: Set<TaskState>? = nil
    public static let isMutating = false

    public init() {}

    public static func parse(_ text: String) -> Result<StatusVerb, CommandRejection> { .success(StatusVerb()) }
}

extension TaskCommand {
    /// `/pf status`.
    public static var status: TaskCommand { TaskCommand(StatusVerb()) }
}

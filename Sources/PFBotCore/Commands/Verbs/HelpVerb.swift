/// `/pf help`: every command, what it does and who may run it.
public struct HelpVerb: CommandVerb {
    public static let name = "help"
    public static let usage = "/pf help"
    public static let summary = "this list"
    public static let defaultPermission = RepositoryPermission.read
    public static let allowedStates: Set<TaskState>? = nil
    public static let isMutating = false
    public static let needsTask = false

    public init() {}

    public static func parse(_ text: String) -> Result<HelpVerb, CommandRejection> { .success(HelpVerb()) }
}

extension TaskCommand {
    /// `/pf help`.
    public static var help: TaskCommand { TaskCommand(HelpVerb()) }
}

/// `/pf request <text>`: asks the Task Node for a new task.
public struct RequestVerb: CommandVerb {
    public static let name = "request"
    public static let usage = "/pf request <text>"
    public static let summary = "ask the Task Node for a new task"
    public static let allowedStates: Set<TaskState>? = nil
    public static let needsTask = false

    /// What the contributor would like to work on.
    public var text: String

    public init(text: String) {
        self.text = text
    }

    public static func parse(_ text: String) -> Result<RequestVerb, CommandRejection> {
        guard !text.isEmpty else { return reject("describe the task you want: `/pf request <what you would like to work on>`.") }
        return .success(RequestVerb(text: text))
    }
}

extension TaskCommand {
    /// `/pf request <text>`.
    public static func request(text: String) -> TaskCommand { TaskCommand(RequestVerb(text: text)) }
}

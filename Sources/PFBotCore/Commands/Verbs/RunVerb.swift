/// `/pf run [STEP]`: runs the task's template-pack steps (or the one named) on its branch, in GitHub Actions.
public struct RunVerb: CommandVerb {
    public static let name = "run"
    public static let usage = "/pf run [step]"
    public static let summary = "run the template pack's steps (or the one named) on the task branch, in GitHub Actions; the server never runs them"
    public static let allowedStates: Set<TaskState>? = Set([TaskState.accepted] + TaskState.workStates.filter { $0 != .merged })

    /// The step to run; `nil` runs every step.
    public var step: String?

    /// Creates the command.
    public init(step: String?) {
        self.step = step
    }

    public static func parse(_ text: String) -> Result<RunVerb, CommandRejection> {
        let words = text.split(whereSeparator: \.isWhitespace)
        guard words.count <= 1 else { return reject("name at most one step: `/pf run` runs them all, `/pf run test` runs the step `test`.") }
        return .success(RunVerb(step: words.first.map(String.init)))
    }
}

extension TaskCommand {
    /// `/pf run [step]`.
    public static func run(_ step: String?) -> TaskCommand { TaskCommand(RunVerb(step: step)) }
}

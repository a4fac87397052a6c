/// `/pf verify <answer>`: answers the Task Node's verification question.
public struct VerifyVerb: CommandVerb {
    public static let name = "verify"
    public static let usage = "/pf verify <answer>"
    public static let summary = "answer the Task Node's verification question"
    public static let allowedStates: Set<TaskState>? = [.verificationRequested]

    /// The answer sent to the Task Node.
    public var answer: String

    public init(answer: String) {
        self.answer = answer
    }

    public static func parse(_ text: String) -> Result<VerifyVerb, CommandRejection> {
        guard !text.isEmpty else { return reject("give your answer: `/pf verify <answer>`, or reply to the verification comment.") }
        return .success(VerifyVerb(answer: text))
    }
}

extension TaskCommand {
    /// `/pf verify <answer>`.
    public static func verify(answer: String) -> TaskCommand { TaskCommand(VerifyVerb(answer: answer)) }
}

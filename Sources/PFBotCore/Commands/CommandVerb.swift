/// A `/pf` verb, as one type: its grammar (``parse(_:)``), help text, default permission, the task states it is
/// allowed in, and whether it changes anything. A value of the type is the command with validated arguments.
///
/// Every verb is listed once, in ``CommandRegistry/verbs``; the help reply, the commands page of the docs and the
/// permission lists of the starter configuration files are generated from those types.
public protocol CommandVerb: Sendable, Equatable {
    /// The word after `/pf`.
    static var name: String { get }
    /// How it is written, e.g. `/pf refuse <reason>`.
    static var usage: String { get }
    /// What it does, in a few words (help reply and docs).
    static var summary: String { get }
    /// The least repository permission needed unless the configuration says otherwise.
    static var defaultPermission: RepositoryPermission { get }
    /// The task states it applies in; `nil` for any state.
    static var allowedStates: Set<TaskState>? { get }
    /// Whether it changes something (so it is bound to the head the commenter saw).
    static var isMutating: Bool { get }
    /// Whether it acts on the task of the issue it is written on (`help` and `request` do not).
    static var needsTask: Bool { get }

    /// Reads the arguments: the rest of the line, already cleaned of control characters and trimmed.
    /// - Returns: the command, or a rejection whose message is the reply.
    static func parse(_ text: String) -> Result<Self, CommandRejection>
}

extension CommandVerb {
    public static var defaultPermission: RepositoryPermission { .write }
    public static var isMutating: Bool { true }
    public static var needsTask: Bool { true }

    /// A rejection of this verb with `message`.
    static func reject(_ message: String) -> Result<Self, CommandRejection> {
        .failure(CommandRejection(verb: name, message: message))
    }

    /// The parse of a verb that takes no arguments.
    static func noArguments(_ command: Self, _ text: String) -> Result<Self, CommandRejection> {
        text.isEmpty ? .success(command) : reject("`/pf \(name)` takes no arguments.")
    }

    func isEqual(to other: any CommandVerb) -> Bool {
        (other as? Self) == self
    }
}

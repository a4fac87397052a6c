/// A `/pf` command with validated arguments: a value of one of the ``CommandVerb`` types. Each verb's file adds
/// its constructor (`.accept(reason:)`, `.status` …).
public struct TaskCommand: Sendable, Equatable, CustomStringConvertible {
    /// The command itself.
    public let value: any CommandVerb

    public init(_ value: any CommandVerb) {
        self.value = value
    }

    /// The verb's type.
    public var definition: any CommandVerb.Type { type(of: value) }

    /// The verb, as typed after `/pf`.
    public var verb: String { definition.name }

    /// Whether the command changes something, so it is pinned to the head SHA the commenter saw.
    public var isMutating: Bool { definition.isMutating }

    /// The task states the command makes sense in; `nil` for any state.
    public var allowedStates: Set<TaskState>? { definition.allowedStates }

    public var description: String { "/pf \(verb)" }

    public static func == (lhs: TaskCommand, rhs: TaskCommand) -> Bool {
        lhs.value.isEqual(to: rhs.value)
    }
}

import Foundation

/// One `/pf <verb> [args]` command found in a comment.
public struct PFCommand: Sendable, Equatable {
    /// The verb.
    public var verb: PFVerb
    /// The arguments, split on whitespace (double quotes group words).
    public var arguments: [String]
    /// Everything after the verb on that line, trimmed (for free-text verbs such as `verify`).
    public var argumentText: String
    /// The 1-based line of the comment it was on.
    public var line: Int

    /// Creates a command.
    public init(verb: PFVerb, arguments: [String] = [], argumentText: String = "", line: Int = 1) {
        self.verb = verb
        self.arguments = arguments
        self.argumentText = argumentText
        self.line = line
    }
}

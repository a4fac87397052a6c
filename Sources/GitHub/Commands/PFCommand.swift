import Foundation

/// One `/pf <word> [args]` line found in a comment. Which words are verbs, and what they take, is the
/// pipeline's business (its command registry); this is only what the line says.
public struct PFCommand: Sendable, Equatable {
    /// The word after `/pf`, lower-cased.
    public var verb: String
    /// The arguments, split on whitespace (double quotes group words).
    public var arguments: [String]
    /// Everything after the verb on that line, trimmed (for free-text verbs such as `verify`).
    public var argumentText: String
    /// The 1-based line of the comment it was on.
    public var line: Int

    /// Creates a command.
    public init(verb: String, arguments: [String] = [], argumentText: String = "", line: Int = 1) {
        self.verb = verb
        self.arguments = arguments
        self.argumentText = argumentText
        self.line = line
    }
}

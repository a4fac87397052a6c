/// Why a command was not run; the message is the reply on the issue.
public struct CommandRejection: Error, Sendable, Equatable {
    public var verb: String
    public var message: String

    public init(verb: String, message: String) {
        self.verb = verb
        self.message = message
    }
}

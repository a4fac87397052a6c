import Foundation

/// What is recorded of one `/pf` command line of a comment: begun, and once done, its reply.
public struct CommandReceipt: Sendable, Equatable {
    /// The comment's id on GitHub.
    public var comment: Int64
    /// The command's line in the comment (1-based).
    public var line: Int
    /// The verb as written.
    public var verb: String
    /// The reply line, once the command is done.
    public var reply: String?
    /// When it was begun.
    public var startedAt: Date

    /// Creates a receipt.
    public init(comment: Int64, line: Int, verb: String, reply: String?, startedAt: Date) {
        self.comment = comment
        self.line = line
        self.verb = verb
        self.reply = reply
        self.startedAt = startedAt
    }
}

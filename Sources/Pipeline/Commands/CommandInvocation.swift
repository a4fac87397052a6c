import Foundation
import GitHub
import PFBotCore
import Storage

/// One command being run: who asked, on which task, with the pipeline's context.
struct CommandInvocation {
    let context: PipelineContext
    /// The commenter's login.
    let login: String
    /// The task of the issue; present for every verb that ``CommandVerb/needsTask``.
    let record: TaskRecord?
    /// Names this command line (comment id and line) for writes that must happen once however often it is run.
    let key: String
    /// The comment holding the command (its URL), recorded with every audit entry the command causes.
    let cause: String
    /// The issue the comment is on, as its webhook showed it, when that was at most ``seenIssueFreshness`` ago
    /// (see ``seenIssue(of:)``).
    let seen: GitHubIssue?

    /// How old a webhook's copy of an issue may be for pfbot to write the issue from it rather than read it first:
    /// ticks and labels people set in this time after writing the command could be lost, as with the reconciler's
    /// listing (a slow job, a retry or a redelivery is older and reads the issue).
    static let seenIssueFreshness: TimeInterval = 10

    /// The task's issue as the command's webhook showed it, when the comment is on that issue and was written at
    /// most ``seenIssueFreshness`` ago; `nil` otherwise (the issue is read before pfbot writes it).
    func seenIssue(of record: TaskRecord) -> GitHubIssue? {
        guard let seen, seen.pullRequest == nil, seen.number == record.issueNumber else { return nil }
        return seen
    }

    /// The task, for verbs that need one (the dispatcher refuses them on issues without a task).
    var task: TaskRecord {
        get throws {
            guard let record else { throw CommandWithoutTask() }
            return record
        }
    }
}

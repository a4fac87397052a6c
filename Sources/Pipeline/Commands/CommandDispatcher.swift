import Foundation
import GitHub
import PFBotCore
import PostFiat
import Storage

/// Runs the `/pf` commands of a new comment on a task's issue or pull request: a permission check per command (the
/// collaborator permission API, cached briefly), the task-state guard, the head guard of mutating commands, the action,
/// and one reply listing the outcome of each command (posted once, even when the delivery is processed again). The
/// reply is the acknowledgement: no reaction is added first.
///
/// A comment's commands take effect once, whatever the number of deliveries or job retries: each command line is
/// recorded by comment id before its effect, and a later attempt reuses the recorded reply instead of running it again.
struct CommandDispatcher {
    /// The most commands one comment may carry; the rest are answered with one line.
    static let maximumCommands = 10
    /// The longest reply posted (GitHub refuses comments over 65,536 characters).
    static let maximumReplyLength = 60_000

    let context: PipelineContext

    func handle(_ event: IssueCommentEvent) async throws {
        let parses = PFCommandParser().parse(event.comment)
        guard !parses.isEmpty else { return }
        let replyEvent = "command:\(event.comment.id)"
        // A reply already on the issue means an earlier run (with a store of its own, as in Actions) ran the commands.
        guard try await !IssueMirror(context: context).isPosted(issue: event.issue.number, event: replyEvent, since: event.comment.createdAt) else { return }
        let login = event.comment.user?.login ?? event.sender.login
        let writtenAt = event.comment.createdAt ?? context.now()
        let age = abs(context.now().timeIntervalSince(writtenAt))
        let seen = event.comment.createdAt != nil && age <= CommandInvocation.seenIssueFreshness ? event.issue : nil
        let attempt = UUID().uuidString
        var lines: [String] = []
        for parse in parses.prefix(Self.maximumCommands) {
            switch parse {
            case .command(let command):
                lines.append(try await once(comment: event.comment.id, line: command.line, verb: command.verb, attempt: attempt) {
                    // Read the task again for each command: an earlier command in the same comment may have changed it.
                    let record = try await task(of: event.issue)
                    return try await run(verb: command.verb, argumentText: command.argumentText, login: login, record: record, issue: event.issue,
                                         writtenAt: writtenAt, key: "comment:\(event.comment.id):\(command.line)", cause: Self.cause(of: event),
                                         seen: seen)
                })
            case .missingVerb:
                lines.append(IssueComments.refusal(verb: "", message: CommandCatalog.shortList))
            }
        }
        if parses.count > Self.maximumCommands {
            lines.append("\(parses.count - Self.maximumCommands) more `/pf` lines were not run: one comment runs at most \(Self.maximumCommands) commands; "
                + "post the rest in another comment.")
        }
        let reply = Self.limited(IssueComments.marker(replyEvent) + "\n" + lines.joined(separator: "\n\n"))
        // A reply posted by an earlier attempt comes after the command; where the comments must be read, only those are.
        try await IssueMirror(context: context).postOnce(issue: event.issue.number, event: replyEvent, body: reply,
                                                         since: event.comment.createdAt)
    }

    /// The task of the issue or pull request the comment is on.
    private func task(of issue: GitHubIssue) async throws -> TaskRecord? {
        if issue.pullRequest != nil { return try await context.store.task(repository: context.repository.description, pull: issue.number) }
        return try await context.record(forIssue: issue.number)
    }

    /// Runs a command line unless an earlier attempt for the same comment already did; returns its reply line. An attempt
    /// that began it and stopped (a crash, a lost job claim) is taken over once a job's lease has passed since it began:
    /// the effects are keyed (Task Node writes by task and transition, GitHub work by job key), so running it again
    /// completes it without doubling it. While that attempt may still be running, this one fails and its job retries.
    private func once(comment: Int, line: Int, verb: String, attempt: String, _ body: () async throws -> String) async throws -> String {
        let id = Int64(comment)
        let lease = TimeInterval(context.configuration.server.jobLeaseSeconds)
        switch try await context.store.beginCommand(comment: id, line: line, verb: verb, owner: attempt, at: context.now(), takeOverAfter: lease) {
        case .finished(let reply):
            return reply
        case .running(let since):
            throw CommandInProgress(comment: comment, line: line, since: since, leaseSeconds: lease)
        case .run:
            let reply = try await body()
            try await context.store.finishCommand(comment: id, line: line, reply: reply, at: context.now())
            return reply
        }
    }

    /// One command: validated, authorised, guarded, run; returns the reply line.
    /// The comment's address, which the audit entries of its commands carry.
    static func cause(of event: IssueCommentEvent) -> String {
        event.comment.htmlUrl ?? "comment \(event.comment.id) on #\(event.issue.number)"
    }

    private func run(verb: String, argumentText: String, login: String, record: TaskRecord?, issue: GitHubIssue, writtenAt: Date,
                     key: String, cause: String, seen: GitHubIssue?) async throws -> String {
        let command: TaskCommand
        switch CommandInterpreter.interpret(verb: verb, argumentText: argumentText) {
        case .success(let parsed): command = parsed
        case .failure(let rejection): return IssueComments.refusal(verb: rejection.verb, message: rejection.message)
        }
        let needed = try await context.repositorySettings().permission(for: command.verb)
        let has = try await context.permissions.permission(of: login, in: context.repository, github: context.github)
        guard has >= needed else {
            try await context.audit("github:\(login)", "command.denied", "#\(issue.number)", command.verb, cause: cause)
            return IssueComments.refusal(verb: command.verb, message: "@\(login) has \(has.rawValue) access; `/pf \(command.verb)` needs \(needed.rawValue) or higher.")
        }
        guard let action = command.value as? any CommandAction else {
            return IssueComments.refusal(verb: command.verb, message: "this pfbot build cannot run `/pf \(command.verb)`; report it.")
        }
        let invocation = CommandInvocation(context: context, login: login, record: record, key: key, cause: cause, seen: seen)
        guard command.definition.needsTask else { return try await action.perform(invocation) }
        guard let record else {
            let place = issue.pullRequest == nil ? "issue" : "pull request"
            return IssueComments.refusal(verb: command.verb, message: "this \(place) is not a pfbot task's (no task marker); use it on the issue or pull request pfbot opened.")
        }
        if let allowed = command.allowedStates, !allowed.contains(record.task.state) {
            return IssueComments.refusal(verb: command.verb, message: "the task is `\(record.task.state.rawValue)`; `/pf \(command.verb)` works only when it is "
                + allowed.map(\.rawValue).sorted().map { "`\($0)`" }.joined(separator: ", ") + ".")
        }
        if command.isMutating, let moved = try await headMoved(record, since: writtenAt) {
            return IssueComments.refusal(verb: command.verb, message: moved)
        }
        try await context.audit("github:\(login)", "command.\(command.verb)", record.task.id.rawValue, argumentText.isEmpty ? nil : argumentText,
                                cause: cause)
        do {
            return try await action.perform(invocation)
        } catch let refusal as TaskNodeRefusal {
            return IssueComments.refusal(verb: command.verb, message: "the Task Node refused it: \(refusal.error.description)")
        }
    }

    /// Why a mutating command written at `writtenAt` no longer applies, or `nil`: the pull request's head is not the
    /// one it had when the comment was written (a push came after it).
    private func headMoved(_ record: TaskRecord, since writtenAt: Date) async throws -> String? {
        let heads = try await context.store.heads(task: record.task.id)
        guard let current = heads.last else { return nil }
        let seen = TaskHead.head(at: writtenAt, in: heads)
        guard seen?.sha != current.sha else { return nil }
        let was = seen.map { "`\($0.sha.prefix(7))`" } ?? "no commit yet"
        return "the pull request's head moved to `\(current.sha.prefix(7))` after this comment was written (it was \(was)). "
            + "Look at the new commits, then post the command again to apply it to `\(current.sha.prefix(7))`."
    }

    /// The reply cut to fit GitHub's comment limit.
    static func limited(_ reply: String) -> String {
        guard reply.count > maximumReplyLength else { return reply }
        return String(reply.prefix(maximumReplyLength)) + "\n\n_…the reply was cut to fit GitHub's comment limit._"
    }
}

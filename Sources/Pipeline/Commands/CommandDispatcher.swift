import Foundation
import GitHub
import PFBotCore
import PostFiat
import Storage

/// Runs the `/pf` commands of a new issue comment: a permission check per command (the collaborator permission API,
/// cached briefly), the task-state guard, the action, and one reply listing the outcome of each command (posted once,
/// even when the delivery is processed again). The reply is the acknowledgement: no reaction is added first.
struct CommandDispatcher {
    let context: PipelineContext

    func handle(_ event: IssueCommentEvent) async throws {
        let parses = PFCommandParser().parse(event.comment)
        guard !parses.isEmpty else { return }
        let login = event.comment.user?.login ?? event.sender.login
        var lines: [String] = []
        for parse in parses {
            switch parse {
            case .command(let command):
                // Read the task again for each command: an earlier command in the same comment may have changed it.
                let record = try await context.record(forIssue: event.issue.number)
                lines.append(try await run(verb: command.verb, argumentText: command.argumentText, login: login, record: record,
                                           issue: event.issue, cause: Self.cause(of: event)))
            case .missingVerb:
                lines.append(IssueComments.refusal(verb: "", message: CommandCatalog.shortList))
            }
        }
        let reply = IssueComments.marker("command:\(event.comment.id)") + "\n" + lines.joined(separator: "\n\n")
        // A reply posted by an earlier attempt comes after the command; where the comments must be read, only those are.
        try await IssueMirror(context: context).postOnce(issue: event.issue.number, event: "command:\(event.comment.id)", body: reply,
                                                         since: event.comment.createdAt)
    }

    /// One command: validated, authorised, guarded, run; returns the reply line.
    /// The comment's address, which the audit entries of its commands carry.
    static func cause(of event: IssueCommentEvent) -> String {
        event.comment.htmlUrl ?? "comment \(event.comment.id) on #\(event.issue.number)"
    }

    private func run(verb: String, argumentText: String, login: String, record: TaskRecord?, issue: GitHubIssue,
                     cause: String) async throws -> String {
        let command: TaskCommand
        switch CommandInterpreter.interpret(verb: verb, argumentText: argumentText) {
        case .success(let parsed): command = parsed
        case .failure(let rejection): return IssueComments.refusal(verb: rejection.verb, message: rejection.message)
        }
        let needed = context.configuration.repository.permission(for: command.verb)
        let has = try await context.permissions.permission(of: login, in: context.repository, github: context.github)
        guard has >= needed else {
            try await context.audit("github:\(login)", "command.denied", "#\(issue.number)", command.verb, cause: cause)
            return IssueComments.refusal(verb: command.verb, message: "@\(login) has \(has.rawValue) access; `/pf \(command.verb)` needs \(needed.rawValue) or higher.")
        }
        guard let action = command.value as? any CommandAction else {
            return IssueComments.refusal(verb: command.verb, message: "this pfbot build cannot run `/pf \(command.verb)`; report it.")
        }
        let invocation = CommandInvocation(context: context, login: login, record: record, cause: cause)
        guard command.definition.needsTask else { return try await action.perform(invocation) }
        guard let record else {
            return IssueComments.refusal(verb: command.verb, message: "this issue is not a pfbot task issue (no task marker); use it on an issue pfbot opened.")
        }
        if let allowed = command.allowedStates, !allowed.contains(record.task.state) {
            return IssueComments.refusal(verb: command.verb, message: "the task is `\(record.task.state.rawValue)`; `/pf \(command.verb)` works only when it is "
                + allowed.map(\.rawValue).sorted().map { "`\($0)`" }.joined(separator: ", ") + ".")
        }
        try await context.audit("github:\(login)", "command.\(command.verb)", record.task.id.rawValue, argumentText.isEmpty ? nil : argumentText,
                                cause: cause)
        do {
            return try await action.perform(invocation)
        } catch let refusal as TaskNodeRefusal {
            return IssueComments.refusal(verb: command.verb, message: "the Task Node refused it: \(refusal.error.description)")
        }
    }
}

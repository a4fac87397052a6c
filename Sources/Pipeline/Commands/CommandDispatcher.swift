import Foundation
import GitHub
import PFBotCore
import PostFiat
import Storage

/// Runs the `/pf` commands of a new issue comment: an eyes reaction on receipt, a permission check per command
/// (the collaborator permission API, cached briefly), the task-state guard, the action, and one reply listing the
/// outcome of each command (posted once, even when the delivery is processed again).
struct CommandDispatcher {
    let context: PipelineContext

    func handle(_ event: IssueCommentEvent) async throws {
        let parses = PFCommandParser().parse(event.comment)
        guard !parses.isEmpty else { return }
        _ = try? await context.github.addReaction(context.repository, commentID: event.comment.id, content: .eyes)
        let login = event.comment.user?.login ?? event.sender.login
        var lines: [String] = []
        for parse in parses {
            switch parse {
            case .command(let command):
                // Read the task again for each command: an earlier command in the same comment may have changed it.
                let record = try await context.record(forIssue: event.issue.number)
                lines.append(try await run(verb: command.verb.rawValue, argumentText: command.argumentText, login: login, record: record, issue: event.issue))
            case .unknownVerb(let word, _):
                lines.append(IssueComments.refusal(verb: word, message: "`\(word)` is not a pfbot command. \(CommandCatalog.shortList)"))
            case .missingVerb:
                lines.append(IssueComments.refusal(verb: "", message: CommandCatalog.shortList))
            }
        }
        let reply = IssueComments.marker("command:\(event.comment.id)") + "\n" + lines.joined(separator: "\n\n")
        // A reply posted by an earlier attempt comes after the command; only those comments are read.
        let comments = try await context.github.listComments(context.repository, issue: event.issue.number, since: event.comment.createdAt)
        guard !comments.contains(where: { IssueComments.carries($0.body ?? "", event: "command:\(event.comment.id)") }) else { return }
        _ = try await context.github.createComment(context.repository, issue: event.issue.number, body: reply)
    }

    /// One command: validated, authorised, guarded, run; returns the reply line.
    private func run(verb: String, argumentText: String, login: String, record: TaskRecord?, issue: GitHubIssue) async throws -> String {
        let command: TaskCommand
        switch CommandInterpreter.interpret(verb: verb, argumentText: argumentText) {
        case .success(let parsed): command = parsed
        case .failure(let rejection): return IssueComments.refusal(verb: rejection.verb, message: rejection.message)
        }
        let needed = context.configuration.repository.permission(for: command.verb)
        let has = try await context.permissions.permission(of: login, in: context.repository, github: context.github)
        guard has >= needed else {
            try await context.audit("github:\(login)", "command.denied", "#\(issue.number)", command.verb)
            return IssueComments.refusal(verb: command.verb, message: "@\(login) has \(has.rawValue) access; `/pf \(command.verb)` needs \(needed.rawValue) or higher.")
        }
        if case .help = command { return CommandCatalog.help(permissions: context.configuration.repository) }
        if case .request(let text) = command { return try await request(text, login: login) }
        guard let record else {
            return IssueComments.refusal(verb: command.verb, message: "this issue is not a pfbot task issue (no task marker); use it on an issue pfbot opened.")
        }
        if let allowed = command.allowedStates, !allowed.contains(record.task.state) {
            return IssueComments.refusal(verb: command.verb, message: "the task is `\(record.task.state.rawValue)`; `/pf \(command.verb)` works only when it is "
                + allowed.map(\.rawValue).sorted().map { "`\($0)`" }.joined(separator: ", ") + ".")
        }
        try await context.audit("github:\(login)", "command.\(command.verb)", record.task.id.rawValue, argumentText.isEmpty ? nil : argumentText)
        do {
            return try await execute(command, record: record, login: login)
        } catch let refusal as TaskNodeRefusal {
            return IssueComments.refusal(verb: command.verb, message: "the Task Node refused it: \(refusal.error.description)")
        }
    }

    private func execute(_ command: TaskCommand, record: TaskRecord, login: String) async throws -> String {
        let actions = TaskActions(context: context)
        let id = record.task.id
        switch command {
        case .status:
            return try await StatusReport(context: context).describe(record)
        case .accept(let reason):
            try await actions.accept(id, reason: reason ?? "Accepted by @\(login) through pfbot", actor: "github:\(login)")
            return "✅ Accepted on the Task Node. The branch, templates and draft pull request follow shortly."
        case .refuse(let reason):
            try await actions.end(id, refuse: true, reason: reason, actor: "github:\(login)")
            return "Refused on the Task Node."
        case .cancel(let reason):
            try await actions.end(id, refuse: false, reason: reason ?? "Cancelled by @\(login) through pfbot", actor: "github:\(login)")
            return "Cancelled on the Task Node."
        case .start:
            try await enqueue(PipelineJob.startWork, record, key: "manual:\(context.now().timeIntervalSince1970)")
            return "Creating (or refreshing) the branch and the draft pull request."
        case .qc:
            guard let pull = try await pullRequest(record) else { return "There is no pull request for this task yet; run `/pf start`." }
            try await enqueue(PipelineJob.qualityControl, record, commit: pull.head.sha, head: pull.head.sha, pull: pull.number,
                              note: PipelineJob.manualRun, key: "manual:\(pull.head.sha)")
            return "Running QC on `\(pull.head.sha.prefix(12))`."
        case .submit:
            guard let pull = try await pullRequest(record) else { return "There is no pull request for this task yet; run `/pf start`." }
            try await enqueue(PipelineJob.submit, record, commit: pull.head.sha, head: pull.head.sha, pull: pull.number, key: pull.head.sha)
            return "Submitting the pull request's head `\(pull.head.sha.prefix(12))` (QC must have passed on it)."
        case .verify(let answer):
            let evidence = try Evidence.classify(answer)
            _ = try await finalOrRetry { try await context.taskSink.respondToVerification(id, evidence: [evidence]) }
            _ = try await context.store.transition(id, to: .verificationResponseSubmitted, source: "github:\(login)", note: nil, at: context.now())
            try await IssueMirror(context: context).sync(try await context.record(id))
            return "Sent your verification answer to the Task Node."
        case .priority(let priority):
            var updated = record
            updated.manualPriority = priority
            try await context.store.saveTask(updated, source: "github:\(login)")
            return "Priority set to \(priority.value)."
        case .estimate(let estimate):
            var updated = record
            updated.manualEstimate = estimate
            try await context.store.saveTask(updated, source: "github:\(login)")
            try await IssueMirror(context: context).sync(updated)
            let roi = estimate.returnOnInvestment(for: record.task.reward)
            return "Estimate set to \(estimate.hours) h; ROI is now \(String(format: "%.1f", roi)) PFT/h."
        case .help, .request:
            return ""
        }
    }

    private func request(_ text: String, login: String) async throws -> String {
        let receipt = try await finalOrRetry { try await context.taskSink.requestTask(kind: .personal, text: text) }
        try await context.audit("github:\(login)", "task.request", receipt.requestID, text)
        return "Requested a new task from the Task Node (request `\(receipt.requestID)`); its proposal will appear as a new issue."
    }

    private func pullRequest(_ record: TaskRecord) async throws -> PullRequest? {
        guard let number = record.pullNumber else { return nil }
        return try await context.github.pullRequest(context.repository, number: number, options: ReadOptions())
    }

    private func enqueue(_ kind: String, _ record: TaskRecord, commit: String? = nil, head: String? = nil, pull: Int? = nil,
                         note: String? = nil, key: String) async throws {
        let payload = PipelineJob.TaskPayload(task: record.task.id, note: note, commit: commit, head: head, pull: pull)
        _ = try await context.store.enqueue(NewJob(kind: kind, payload: payload.encoded(), dedupeKey: "\(kind):\(record.task.id.rawValue):\(key)", runAt: context.now()))
    }
}

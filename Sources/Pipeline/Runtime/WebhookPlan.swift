import Foundation
import GitHub
import PFBotCore
import Storage

/// What pfbot would do with one webhook, described without doing it (`pfbot receive --dry-run`). Reads only the
/// store; permissions are named, not checked (that needs GitHub).
public struct WebhookPlan: Sendable {
    let store: any Store
    /// The repository tasks are mirrored into (`owner/name`).
    let repository: String
    let settings: RepositorySettings
    let branchPrefix: String

    /// Creates a planner that reads the store.
    /// - Parameters:
    ///   - store: where tasks are looked up.
    ///   - repository: the repository tasks are mirrored into (`owner/name`).
    ///   - settings: the repository's settings (who may run which command, whether approval is required).
    ///   - branchPrefix: the prefix of task branches.
    public init(store: any Store, repository: String, settings: RepositorySettings, branchPrefix: String) {
        self.store = store
        self.repository = repository
        self.settings = settings
        self.branchPrefix = branchPrefix
    }

    /// One line per action.
    public func describe(_ event: WebhookEvent) async throws -> [String] {
        switch event {
        case .issueComment(let comment):
            return try await commands(comment)
        case .pullRequest(let event):
            guard let record = try await task(forBranch: event.pullRequest.head.ref) else { return ["ignore: #\(event.number) is not a task pull request"] }
            let pull = event.pullRequest
            switch event.action {
            case "closed" where pull.merged == true:
                return ["submit task \(record.task.id) to the Task Node once (merge \(pull.mergeCommitSha ?? "?"), QC must have passed on \(pull.head.sha))"]
            case "opened", "synchronize", "reopened", "ready_for_review":
                return ["run QC on \(pull.head.sha) and publish the check run \"\(QualityControl.checkName)\""]
            default:
                return ["ignore: pull_request \(event.action) needs no action"]
            }
        case .push(let push):
            let branch = push.ref.replacingOccurrences(of: "refs/heads/", with: "")
            guard branch.hasPrefix(branchPrefix), let record = try await task(forBranch: branch) else { return ["ignore: push to \(branch) is not a task branch"] }
            return ["run QC of task \(record.task.id) on \(push.after)"]
        case .pullRequestReview(let review):
            guard let record = try await task(forBranch: review.pullRequest.head.ref) else { return ["ignore: not a task pull request"] }
            return ["record review \(review.review.state.lowercased()) of task \(record.task.id) at \(review.review.commitId ?? review.pullRequest.head.sha)"]
        case .checkRun(let event) where event.action == "rerequested":
            let run = event.checkRun
            guard run.name == QualityControl.checkName else { return ["ignore: \"\(run.name)\" is not pfbot's check"] }
            guard let record = try await task(externalID: run.externalId, branch: run.checkSuite?.headBranch) else { return ["ignore: the check names no task"] }
            return ["run QC of task \(record.task.id) on \(run.headSha) again (Re-run by @\(event.sender.login)) and publish a new check run"]
        case .checkSuite(let event) where event.action == "rerequested":
            guard let record = try await task(externalID: nil, branch: event.checkSuite.headBranch) else { return ["ignore: the suite is not on a task branch"] }
            return ["run QC of task \(record.task.id) on \(event.checkSuite.headSha) again (Re-run by @\(event.sender.login)) and publish a new check run"]
        default:
            return ["ignore: pfbot does not act on \(event.name) events"]
        }
    }

    private func commands(_ event: IssueCommentEvent) async throws -> [String] {
        guard event.action == "created" else { return ["ignore: comment \(event.action)"] }
        let parses = PFCommandParser().parse(event.comment)
        guard !parses.isEmpty else { return ["ignore: no /pf commands (or a bot's comment)"] }
        let onPull = event.issue.pullRequest != nil
        let record = onPull ? try await store.task(repository: repository, pull: event.issue.number)
            : try await store.task(repository: repository, issue: event.issue.number)
        var lines: [String] = []
        for parse in parses.prefix(CommandDispatcher.maximumCommands) {
            guard case .command(let command) = parse else {
                lines.append("reply: not a pfbot command")
                continue
            }
            switch CommandInterpreter.interpret(verb: command.verb, argumentText: command.argumentText) {
            case .failure(let rejection):
                lines.append("reply: `/pf \(rejection.verb)` was not run: \(rejection.message)")
            case .success(let parsed):
                let needed = settings.permission(for: parsed.verb).rawValue
                let place = onPull ? "pull request" : "issue"
                let target = record.map { "task \($0.task.id) (\($0.task.state.rawValue))" } ?? "no task (\(place) #\(event.issue.number) is no pfbot task's)"
                lines.append("run /pf \(parsed.verb) on \(target) if @\(event.comment.user?.login ?? "?") has \(needed) access, then reply")
            }
        }
        if parses.count > CommandDispatcher.maximumCommands {
            lines.append("reply: \(parses.count - CommandDispatcher.maximumCommands) more /pf lines not run (at most \(CommandDispatcher.maximumCommands) per comment)")
        }
        lines.append("reply once to comment \(event.comment.id) with the outcome of each command")
        return lines
    }

    private func task(forBranch branch: String) async throws -> TaskRecord? {
        try await store.task(repository: repository, branch: branch)
    }

    private func task(externalID: String?, branch: String?) async throws -> TaskRecord? {
        try await CheckRerequestHandler.task(in: store, repository: repository, branchPrefix: branchPrefix, externalID: externalID, branch: branch)
    }
}

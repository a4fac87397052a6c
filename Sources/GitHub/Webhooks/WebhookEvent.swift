import Foundation

/// A parsed webhook delivery.
public enum WebhookEvent: Sendable, Equatable {
    /// `issue_comment`.
    case issueComment(IssueCommentEvent)
    /// `issues`.
    case issues(IssuesEvent)
    /// `pull_request`.
    case pullRequest(PullRequestEvent)
    /// `pull_request_review`.
    case pullRequestReview(PullRequestReviewEvent)
    /// `check_run`.
    case checkRun(CheckRunEvent)
    /// `check_suite`.
    case checkSuite(CheckSuiteEvent)
    /// `push`.
    case push(PushEvent)
    /// `installation`.
    case installation(InstallationEvent)
    /// `installation_repositories`.
    case installationRepositories(InstallationRepositoriesEvent)
    /// `ping`.
    case ping(PingEvent)
    /// `workflow_dispatch`.
    case workflowDispatch(WorkflowDispatchEvent)
    /// `repository_dispatch`.
    case repositoryDispatch(RepositoryDispatchEvent)
    /// `workflow_run`.
    case workflowRun(WorkflowRunEvent)
    /// An event pfbot does not handle; recorded and ignored.
    case unknown(String)

    /// Every event name parsed into a typed case.
    public static let knownNames: Set<String> = [
        "issue_comment", "issues", "pull_request", "pull_request_review", "check_run", "check_suite", "push",
        "installation", "installation_repositories", "ping", "workflow_dispatch", "repository_dispatch", "workflow_run",
    ]

    /// Parses a delivery body for the `X-GitHub-Event` name. Unknown names give `.unknown(name)` without reading the body.
    /// - Throws: `WebhookError.malformedJSON` or `.invalidPayload`; never crashes on bad input.
    public static func parse(name: String, body: Data) throws -> WebhookEvent {
        switch name {
        case "issue_comment": return .issueComment(try decode(IssueCommentEvent.self, name, body))
        case "issues": return .issues(try decode(IssuesEvent.self, name, body))
        case "pull_request": return .pullRequest(try decode(PullRequestEvent.self, name, body))
        case "pull_request_review": return .pullRequestReview(try decode(PullRequestReviewEvent.self, name, body))
        case "check_run": return .checkRun(try decode(CheckRunEvent.self, name, body))
        case "check_suite": return .checkSuite(try decode(CheckSuiteEvent.self, name, body))
        case "push": return .push(try decode(PushEvent.self, name, body))
        case "installation": return .installation(try decode(InstallationEvent.self, name, body))
        case "installation_repositories": return .installationRepositories(try decode(InstallationRepositoriesEvent.self, name, body))
        case "ping": return .ping(try decode(PingEvent.self, name, body))
        case "workflow_dispatch": return .workflowDispatch(try decode(WorkflowDispatchEvent.self, name, body))
        case "repository_dispatch": return .repositoryDispatch(try decode(RepositoryDispatchEvent.self, name, body))
        case "workflow_run": return .workflowRun(try decode(WorkflowRunEvent.self, name, body))
        default: return .unknown(name)
        }
    }

    /// The event name as GitHub spells it.
    public var name: String {
        switch self {
        case .issueComment: return "issue_comment"
        case .issues: return "issues"
        case .pullRequest: return "pull_request"
        case .pullRequestReview: return "pull_request_review"
        case .checkRun: return "check_run"
        case .checkSuite: return "check_suite"
        case .push: return "push"
        case .installation: return "installation"
        case .installationRepositories: return "installation_repositories"
        case .ping: return "ping"
        case .workflowDispatch: return "workflow_dispatch"
        case .repositoryDispatch: return "repository_dispatch"
        case .workflowRun: return "workflow_run"
        case .unknown(let name): return name
        }
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ name: String, _ body: Data) throws -> T {
        do {
            _ = try JSONSerialization.jsonObject(with: body)
        } catch {
            throw WebhookError.malformedJSON(event: name, detail: error.localizedDescription)
        }
        do {
            return try GitHubJSON.decoder().decode(type, from: body)
        } catch let error as DecodingError {
            throw WebhookError.invalidPayload(event: name, detail: Self.describe(error))
        } catch {
            throw WebhookError.invalidPayload(event: name, detail: "\(error)")
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context): return "missing \(path(context.codingPath + [key]))"
        case .typeMismatch(_, let context): return "wrong type at \(path(context.codingPath))"
        case .valueNotFound(_, let context): return "null at \(path(context.codingPath))"
        case .dataCorrupted(let context): return "bad value at \(path(context.codingPath)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}

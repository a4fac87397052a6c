extension WebhookEvent {
    /// The repository the event happened in, for the events that name one (issues, comments, pull requests, reviews,
    /// pushes, checks); `nil` for account-wide events (installation, ping) and unknown ones.
    public var repository: GitHubRepository? {
        switch self {
        case .issueComment(let event): return event.repository
        case .issues(let event): return event.repository
        case .pullRequest(let event): return event.repository
        case .pullRequestReview(let event): return event.repository
        case .checkRun(let event): return event.repository
        case .checkSuite(let event): return event.repository
        case .push(let event): return event.repository
        case .installation, .installationRepositories, .ping, .workflowDispatch, .repositoryDispatch, .workflowRun, .unknown: return nil
        }
    }
}

import Foundation

/// `pull_request`: a pull request was opened, synchronized, closed, …
public struct PullRequestEvent: Codable, Sendable, Equatable {
    /// The action, e.g. `opened`, `synchronize`, `closed`.
    public var action: String
    /// The pull request number.
    public var number: Int
    /// The pull request.
    public var pullRequest: PullRequest
    /// The old head for `synchronize`.
    public var before: String?
    /// The new head for `synchronize`.
    public var after: String?
    /// The repository.
    public var repository: GitHubRepository
    /// Who acted.
    public var sender: GitHubUser
    /// The installation, for App deliveries.
    public var installation: InstallationRef?

    /// True for `closed` with the pull request merged.
    public var isMerge: Bool { action == "closed" && (pullRequest.merged == true || pullRequest.mergedAt != nil) }
}

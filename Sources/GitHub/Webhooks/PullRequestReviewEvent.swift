import Foundation

/// `pull_request_review`: a review was submitted, edited or dismissed.
public struct PullRequestReviewEvent: Codable, Sendable, Equatable {
    /// `submitted`, `edited` or `dismissed`.
    public var action: String
    /// The review.
    public var review: PullRequestReview
    /// The pull request.
    public var pullRequest: PullRequest
    /// The repository.
    public var repository: GitHubRepository
    /// Who acted.
    public var sender: GitHubUser
    /// The installation, for App deliveries.
    public var installation: InstallationRef?
}

import Foundation

/// `issue_comment`: a comment on an issue or pull request was created, edited or deleted.
public struct IssueCommentEvent: Codable, Sendable, Equatable {
    /// `created`, `edited` or `deleted`.
    public var action: String
    /// The issue (or pull request) commented on.
    public var issue: GitHubIssue
    /// The comment.
    public var comment: IssueComment
    /// The repository.
    public var repository: GitHubRepository
    /// Who acted.
    public var sender: GitHubUser
    /// The installation, for App deliveries.
    public var installation: InstallationRef?
}

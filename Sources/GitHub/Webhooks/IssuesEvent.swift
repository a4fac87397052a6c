import Foundation

/// `issues`: an issue was opened, edited, labeled, closed, …
public struct IssuesEvent: Codable, Sendable, Equatable {
    /// The action, e.g. `opened`.
    public var action: String
    /// The issue.
    public var issue: GitHubIssue
    /// The label added or removed (`labeled`, `unlabeled`).
    public var label: Label?
    /// The repository.
    public var repository: GitHubRepository
    /// Who acted.
    public var sender: GitHubUser
    /// The installation, for App deliveries.
    public var installation: InstallationRef?
}

import Foundation

/// `installation`: the App was installed, removed, suspended, …
public struct InstallationEvent: Codable, Sendable, Equatable {
    /// The action.
    public var action: String
    /// The installation.
    public var installation: Installation
    /// The repositories, for `created`.
    public var repositories: [RepositorySummary]?
    /// Who acted.
    public var sender: GitHubUser
}

import Foundation

/// `installation_repositories`: repositories were added to or removed from an installation.
public struct InstallationRepositoriesEvent: Codable, Sendable, Equatable {
    /// `added` or `removed`.
    public var action: String
    /// The installation.
    public var installation: Installation
    /// Repositories added.
    public var repositoriesAdded: [RepositorySummary]
    /// Repositories removed.
    public var repositoriesRemoved: [RepositorySummary]
    /// Who acted.
    public var sender: GitHubUser
}

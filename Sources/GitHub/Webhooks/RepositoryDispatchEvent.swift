import Foundation
import JSON

/// `repository_dispatch`: a custom event sent through the API.
public struct RepositoryDispatchEvent: Codable, Sendable, Equatable {
    /// The `event_type` given by the sender.
    public var action: String
    /// The default branch.
    public var branch: String?
    /// The sender's free-form payload.
    public var clientPayload: JSONValue?
    /// The repository.
    public var repository: GitHubRepository
    /// Who acted.
    public var sender: GitHubUser
    /// The installation, for App deliveries.
    public var installation: InstallationRef?
}

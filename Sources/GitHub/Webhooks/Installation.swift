import Foundation

/// An App installation as delivered in installation events.
public struct Installation: Codable, Sendable, Equatable {
    /// The installation id.
    public var id: Int
    /// The account it is installed on.
    public var account: GitHubUser?
    /// The App id.
    public var appId: Int?
    /// `all` or `selected`.
    public var repositorySelection: String?
}

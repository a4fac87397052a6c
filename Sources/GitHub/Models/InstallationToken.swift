import Foundation

/// An installation access token minted for a GitHub App installation.
public struct InstallationToken: Codable, Sendable, Equatable {
    /// The token (sent as `Authorization: token …`).
    public var token: String
    /// When it stops working (one hour after minting).
    public var expiresAt: Date
    /// The permissions granted.
    public var permissions: [String: String]?
    /// `all` or `selected`.
    public var repositorySelection: String?

    /// Creates a token value.
    public init(token: String, expiresAt: Date, permissions: [String: String]? = nil, repositorySelection: String? = nil) {
        self.token = token
        self.expiresAt = expiresAt
        self.permissions = permissions
        self.repositorySelection = repositorySelection
    }
}

import Foundation

/// The installation a delivery came through (App webhooks).
public struct InstallationRef: Codable, Sendable, Equatable {
    /// The installation id (use it to mint a token).
    public var id: Int
}

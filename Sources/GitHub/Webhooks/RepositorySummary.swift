import Foundation

/// A repository as listed in installation events.
public struct RepositorySummary: Codable, Sendable, Equatable {
    /// The id.
    public var id: Int
    /// The name.
    public var name: String
    /// `owner/name`.
    public var fullName: String
}

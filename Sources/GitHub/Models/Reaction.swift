import Foundation

/// A reaction on a comment.
public struct Reaction: Codable, Sendable, Equatable {
    /// The numeric id.
    public var id: Int
    /// The reaction kind.
    public var content: ReactionContent
    /// Who reacted.
    public var user: GitHubUser?
}

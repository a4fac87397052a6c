import Foundation

/// The answer to a merge request.
public struct MergeResult: Codable, Sendable, Equatable {
    /// The merge commit SHA.
    public var sha: String?
    /// Whether it merged.
    public var merged: Bool
    /// GitHub's message.
    public var message: String?
}

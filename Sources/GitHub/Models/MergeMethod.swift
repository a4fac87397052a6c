import Foundation

/// How to merge a pull request.
public enum MergeMethod: String, Codable, Sendable {
    /// A merge commit.
    case merge
    /// Squash into one commit.
    case squash
    /// Rebase the commits onto the base.
    case rebase
}

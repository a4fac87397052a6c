import Foundation

/// An issue comment as the GitHub emulator holds it.
public struct EmulatorCommentRecord: Sendable, Equatable {
    /// The comment's id.
    public var id: Int
    /// The number of the issue (or pull request) it is on.
    public var issue: Int
    /// The author's login.
    public var author: String
    /// Its body.
    public var body: String
}

import Foundation

/// A pull request as the GitHub emulator holds it.
public struct EmulatorPullRecord: Sendable, Equatable {
    /// The pull request's number.
    public var number: Int
    /// The head branch.
    public var head: String
    /// The head commit.
    public var headSHA: String
    /// Whether it is still a draft.
    public var draft: Bool
    /// Whether it was merged.
    public var merged: Bool
}

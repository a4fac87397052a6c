import Foundation

/// An issue or pull request as the GitHub emulator holds it, for tests and the soak to count what a client created.
public struct EmulatorIssueRecord: Sendable, Equatable {
    /// The issue's number.
    public var number: Int
    /// Its title.
    public var title: String
    /// Its body (empty when none).
    public var body: String
    /// `open` or `closed`.
    public var state: String
    /// The author's login.
    public var author: String
    /// Whether it is a pull request's issue.
    public var isPull: Bool
}

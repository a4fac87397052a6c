import Foundation

/// Fields to change on a pull request; nil fields are left alone.
public struct PullRequestUpdate: Codable, Sendable, Equatable {
    /// The title.
    public var title: String?
    /// The body.
    public var body: String?
    /// `open` or `closed`.
    public var state: String?
    /// The base branch.
    public var base: String?

    /// Creates the changes.
    public init(title: String? = nil, body: String? = nil, state: String? = nil, base: String? = nil) {
        self.title = title
        self.body = body
        self.state = state
        self.base = base
    }
}

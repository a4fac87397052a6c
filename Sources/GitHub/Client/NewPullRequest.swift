import Foundation

/// Fields of a new pull request.
public struct NewPullRequest: Codable, Sendable, Equatable {
    /// The title.
    public var title: String
    /// The branch with the changes.
    public var head: String
    /// The branch to merge into.
    public var base: String
    /// The Markdown body.
    public var body: String?
    /// Open as a draft.
    public var draft: Bool

    /// Creates the fields; drafts by default, as pfbot opens them.
    public init(title: String, head: String, base: String, body: String? = nil, draft: Bool = true) {
        self.title = title
        self.head = head
        self.base = base
        self.body = body
        self.draft = draft
    }
}

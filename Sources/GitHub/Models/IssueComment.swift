import Foundation

/// A comment on an issue or pull request conversation.
public struct IssueComment: Codable, Sendable, Equatable {
    /// The numeric id.
    public var id: Int
    /// The Markdown body.
    public var body: String?
    /// The author.
    public var user: GitHubUser?
    /// The web page.
    public var htmlUrl: String?
    /// The API URL of the issue it belongs to.
    public var issueUrl: String?
    /// `OWNER`, `MEMBER`, `COLLABORATOR`, `CONTRIBUTOR`, `NONE`, …
    public var authorAssociation: String?
    /// Creation time.
    public var createdAt: Date?
    /// Last update time.
    public var updatedAt: Date?

    /// Creates a comment value.
    public init(id: Int, body: String?, user: GitHubUser? = nil) {
        self.id = id
        self.body = body
        self.user = user
    }
}

import Foundation

/// Fields to set on a new issue.
public struct NewIssue: Codable, Sendable, Equatable {
    /// The title.
    public var title: String
    /// The Markdown body.
    public var body: String?
    /// Label names.
    public var labels: [String]?
    /// Assignee logins.
    public var assignees: [String]?

    /// Creates the fields.
    public init(title: String, body: String? = nil, labels: [String]? = nil, assignees: [String]? = nil) {
        self.title = title
        self.body = body
        self.labels = labels
        self.assignees = assignees
    }
}

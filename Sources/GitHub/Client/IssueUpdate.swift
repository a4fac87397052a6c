import Foundation

/// Fields to change on an issue; nil fields are left alone.
public struct IssueUpdate: Codable, Sendable, Equatable {
    /// The title.
    public var title: String?
    /// The body.
    public var body: String?
    /// `open` or `closed`.
    public var state: String?
    /// `completed`, `not_planned` or `reopened`.
    public var stateReason: String?
    /// Replaces all labels.
    public var labels: [String]?
    /// Replaces all assignees.
    public var assignees: [String]?

    /// Creates the changes.
    public init(
        title: String? = nil, body: String? = nil, state: String? = nil, stateReason: String? = nil,
        labels: [String]? = nil, assignees: [String]? = nil
    ) {
        self.title = title
        self.body = body
        self.state = state
        self.stateReason = stateReason
        self.labels = labels
        self.assignees = assignees
    }
}

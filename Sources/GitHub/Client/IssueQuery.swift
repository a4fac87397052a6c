import Foundation

/// Which issues to list.
public struct IssueQuery: Sendable, Equatable {
    /// `open`, `closed` or `all`.
    public var state: String
    /// Only issues carrying every one of these labels.
    public var labels: [String]

    /// Creates a query.
    public init(state: String = "open", labels: [String] = []) {
        self.state = state
        self.labels = labels
    }
}

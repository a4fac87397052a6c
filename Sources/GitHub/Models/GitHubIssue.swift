import Foundation

/// An issue (pull requests are issues too; `pullRequest` is set for them).
public struct GitHubIssue: Codable, Sendable, Equatable {
    /// The numeric id.
    public var id: Int
    /// The number within the repository.
    public var number: Int
    /// The title.
    public var title: String
    /// The body in Markdown; null when empty.
    public var body: String?
    /// `open` or `closed` (absent in a few webhook payloads, e.g. `issues` `pinned`).
    public var state: String?
    /// Why it was closed: `completed`, `not_planned`, `reopened`.
    public var stateReason: String?
    /// Whether conversation is locked.
    public var locked: Bool?
    /// Its labels.
    public var labels: [Label]
    /// The author.
    public var user: GitHubUser?
    /// The assignees.
    public var assignees: [GitHubUser]?
    /// The number of comments.
    public var comments: Int?
    /// The web page.
    public var htmlUrl: String?
    /// Set when this issue is a pull request.
    public var pullRequest: PullRequestLink?
    /// Creation time.
    public var createdAt: Date?
    /// Last update time.
    public var updatedAt: Date?
    /// Close time.
    public var closedAt: Date?

    /// Creates an issue value.
    public init(id: Int, number: Int, title: String, body: String? = nil, state: String? = "open", labels: [Label] = []) {
        self.id = id
        self.number = number
        self.title = title
        self.body = body
        self.state = state
        self.labels = labels
    }

    /// Decodes leniently: `labels` is absent from some webhook payloads (`issues` `pinned`) and then empty.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(Int.self, forKey: .id)
        number = try container.decode(Int.self, forKey: .number)
        title = try container.decode(String.self, forKey: .title)
        body = try container.decodeIfPresent(String.self, forKey: .body)
        state = try container.decodeIfPresent(String.self, forKey: .state)
        stateReason = try container.decodeIfPresent(String.self, forKey: .stateReason)
        locked = try container.decodeIfPresent(Bool.self, forKey: .locked)
        labels = try container.decodeIfPresent([Label].self, forKey: .labels) ?? []
        user = try container.decodeIfPresent(GitHubUser.self, forKey: .user)
        assignees = try container.decodeIfPresent([GitHubUser].self, forKey: .assignees)
        comments = try container.decodeIfPresent(Int.self, forKey: .comments)
        htmlUrl = try container.decodeIfPresent(String.self, forKey: .htmlUrl)
        pullRequest = try container.decodeIfPresent(PullRequestLink.self, forKey: .pullRequest)
        createdAt = try container.decodeIfPresent(Date.self, forKey: .createdAt)
        updatedAt = try container.decodeIfPresent(Date.self, forKey: .updatedAt)
        closedAt = try container.decodeIfPresent(Date.self, forKey: .closedAt)
    }

    /// The marker GitHub puts on issues that are pull requests.
    public struct PullRequestLink: Codable, Sendable, Equatable {
        /// The API URL of the pull request.
        public var url: String?
        /// When it was merged, if it was.
        public var mergedAt: Date?
    }

    /// True unless GitHub says the issue is closed.
    public var isOpen: Bool { state != "closed" }

    /// True when the issue has a label with this name (case-insensitive, as GitHub compares).
    public func hasLabel(_ name: String) -> Bool {
        labels.contains { $0.name.caseInsensitiveCompare(name) == .orderedSame }
    }
}

import Foundation

/// What to set on a new or existing check run.
public struct CheckRunRequest: Sendable, Equatable {
    /// The name (required to create).
    public var name: String?
    /// The commit (required to create).
    public var headSha: String?
    /// The status.
    public var status: CheckRunStatus?
    /// The conclusion (required with `completed`).
    public var conclusion: CheckRunConclusion?
    /// The caller's own id.
    public var externalId: String?
    /// A link to more detail.
    public var detailsUrl: String?
    /// Start time.
    public var startedAt: Date?
    /// Completion time.
    public var completedAt: Date?
    /// The output.
    public var output: CheckRunOutput?

    /// Creates a request.
    public init(
        name: String? = nil, headSha: String? = nil, status: CheckRunStatus? = nil, conclusion: CheckRunConclusion? = nil,
        externalId: String? = nil, detailsUrl: String? = nil, startedAt: Date? = nil, completedAt: Date? = nil, output: CheckRunOutput? = nil
    ) {
        self.name = name
        self.headSha = headSha
        self.status = status
        self.conclusion = conclusion
        self.externalId = externalId
        self.detailsUrl = detailsUrl
        self.startedAt = startedAt
        self.completedAt = completedAt
        self.output = output
    }
}

import Foundation

/// A check run on a commit.
public struct CheckRun: Codable, Sendable, Equatable {
    /// The numeric id.
    public var id: Int
    /// The name shown in the checks list.
    public var name: String
    /// The commit it reports on.
    public var headSha: String
    /// Where it is in its life.
    public var status: CheckRunStatus
    /// The outcome once completed.
    public var conclusion: CheckRunConclusion?
    /// The caller's own id for it.
    public var externalId: String?
    /// A link to more detail.
    public var detailsUrl: String?
    /// The web page.
    public var htmlUrl: String?
    /// Start time.
    public var startedAt: Date?
    /// Completion time.
    public var completedAt: Date?
    /// Title, summary and annotation count.
    public var output: Output?
    /// The suite the run belongs to (its head branch is in webhook payloads).
    public var checkSuite: Suite?

    /// The fields of a check run's suite pfbot reads.
    public struct Suite: Codable, Sendable, Equatable {
        /// The suite id.
        public var id: Int
        /// The branch; null for forks and in REST responses.
        public var headBranch: String?
    }

    /// The output summary as GitHub returns it.
    public struct Output: Codable, Sendable, Equatable {
        /// The title.
        public var title: String?
        /// The Markdown summary.
        public var summary: String?
        /// The Markdown details.
        public var text: String?
        /// How many annotations were recorded.
        public var annotationsCount: Int?
    }
}

import Foundation

/// A submitted pull request review.
public struct PullRequestReview: Codable, Sendable, Equatable {
    /// The numeric id.
    public var id: Int
    /// The reviewer.
    public var user: GitHubUser?
    /// The review text.
    public var body: String?
    /// `APPROVED`, `CHANGES_REQUESTED`, `COMMENTED`, `DISMISSED`, `PENDING` (webhooks use lower case).
    public var state: String
    /// The head SHA the review applies to.
    public var commitId: String?
    /// When it was submitted.
    public var submittedAt: Date?
    /// The web page.
    public var htmlUrl: String?
    /// The reviewer's association with the repository.
    public var authorAssociation: String?

    /// True for an approval, in either spelling.
    public var isApproval: Bool { state.lowercased() == "approved" }
}

/// A file changed by a pull request.
public struct PullRequestFile: Codable, Sendable, Equatable {
    /// The blob SHA.
    public var sha: String?
    /// The path.
    public var filename: String
    /// `added`, `removed`, `modified`, `renamed`, `copied`, `changed`, `unchanged`.
    public var status: String
    /// Lines added.
    public var additions: Int
    /// Lines removed.
    public var deletions: Int
    /// Lines changed.
    public var changes: Int
    /// The unified diff; absent for binary or huge files.
    public var patch: String?
    /// The previous path of a renamed file.
    public var previousFilename: String?
}

import Foundation

/// A commit status (the pre-checks API; used when a token cannot write check runs).
public struct CommitStatus: Codable, Sendable, Equatable {
    /// The numeric id.
    public var id: Int
    /// `error`, `failure`, `pending` or `success`.
    public var state: CommitState
    /// The context label, e.g. `pfbot/qc`.
    public var context: String?
    /// A short description.
    public var description: String?
    /// A link to details.
    public var targetUrl: String?
    /// Who set it.
    public var creator: GitHubUser?
}

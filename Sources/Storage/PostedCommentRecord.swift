import struct Foundation.Date

/// A comment pfbot posted (or is posting) on an issue, by the event marker it carries.
public struct PostedCommentRecord: Sendable, Equatable {
    /// `owner/name`.
    public var repository: String
    public var issue: Int
    /// The event of the comment's hidden marker, e.g. `proposal` or `submission:<sha>`.
    public var event: String
    /// GitHub's id of the comment; nil while its posting is unconfirmed (recorded before the request).
    public var commentID: Int64?
    /// A digest of the body last written, for a comment pfbot edits in place (the QC report); nil for comments
    /// posted once.
    public var bodyDigest: String?
    public var recordedAt: Date

    public init(repository: String, issue: Int, event: String, commentID: Int64?, bodyDigest: String? = nil, recordedAt: Date) {
        self.repository = repository
        self.issue = issue
        self.event = event
        self.commentID = commentID
        self.bodyDigest = bodyDigest
        self.recordedAt = recordedAt
    }
}

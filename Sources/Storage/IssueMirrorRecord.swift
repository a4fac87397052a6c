import struct Foundation.Date

/// What pfbot recorded about a GitHub issue it writes to.
public struct IssueMirrorRecord: Sendable, Equatable {
    /// `owner/name`.
    public var repository: String
    public var issue: Int
    /// Whether every pfbot comment on the issue is in ``PostedCommentRecord``s (pfbot created the issue with this
    /// store, or listed its comments once).
    public var commentsRecorded: Bool
    /// Digest of the body, labels and state pfbot last wrote to the issue (or found it already had).
    public var writtenDigest: String?
    public var updatedAt: Date

    public init(repository: String, issue: Int, commentsRecorded: Bool, writtenDigest: String?, updatedAt: Date) {
        self.repository = repository
        self.issue = issue
        self.commentsRecorded = commentsRecorded
        self.writtenDigest = writtenDigest
        self.updatedAt = updatedAt
    }
}

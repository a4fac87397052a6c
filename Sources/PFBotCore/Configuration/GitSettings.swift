import struct Foundation.URL

/// `git.*`
public struct GitSettings: Sendable, Equatable {
    /// Commit author and committer name.
    public var authorName: String
    /// Commit author and committer email.
    public var authorEmail: String
    /// Prefix of task branches; pfbot force-pushes only below it.
    public var branchPrefix: String

    public init(authorName: String, authorEmail: String, branchPrefix: String) {
        self.authorName = authorName
        self.authorEmail = authorEmail
        self.branchPrefix = branchPrefix
    }
}

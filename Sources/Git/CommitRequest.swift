import Foundation

/// Everything needed to commit a set of files to a branch without a working tree.
public struct CommitRequest: Sendable, Equatable {
    /// The ref the branch starts from when it does not exist yet (e.g. `main`, `refs/heads/main`, a SHA).
    public let base: String
    /// The branch to create or advance, without `refs/heads/` (e.g. `pf/task-42-add-docs`).
    public let branch: String
    /// The files to write; files not named keep their content from the starting tree.
    public let files: [GitFile]
    /// The commit message (subject and optional body).
    public let message: String
    /// The author.
    public let author: GitSignature
    /// The committer.
    public let committer: GitSignature
    /// Trailers appended after a blank line, in order.
    public let trailers: [CommitTrailer]

    /// Creates a commit request; the committer defaults to the author.
    public init(
        base: String,
        branch: String,
        files: [GitFile],
        message: String,
        author: GitSignature,
        committer: GitSignature? = nil,
        trailers: [CommitTrailer] = []
    ) {
        self.base = base
        self.branch = branch
        self.files = files
        self.message = message
        self.author = author
        self.committer = committer ?? author
        self.trailers = trailers
    }

    /// The full message: the caller's message, then the trailers as a final paragraph.
    func fullMessage() throws -> String {
        let body = message.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !body.isEmpty else { throw GitError.invalidMessage("the message is empty") }
        for trailer in trailers { try trailer.validate() }
        guard !trailers.isEmpty else { return body + "\n" }
        return body + "\n\n" + trailers.map(\.line).joined(separator: "\n") + "\n"
    }
}

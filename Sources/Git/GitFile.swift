import Foundation

/// A file to write in a commit: a repository-relative path, its bytes and its mode.
public struct GitFile: Sendable, Equatable {
    /// The path relative to the repository root, with `/` separators (e.g. `docs/plan.md`).
    public let path: String
    /// The exact bytes of the file.
    public let contents: Data
    /// Normal or executable.
    public let mode: FileMode

    /// Creates a file for a commit.
    public init(path: String, contents: Data, mode: FileMode = .normal) {
        self.path = path
        self.contents = contents
        self.mode = mode
    }

    /// Creates a UTF-8 text file for a commit.
    public init(path: String, text: String, mode: FileMode = .normal) {
        self.init(path: path, contents: Data(text.utf8), mode: mode)
    }
}

import Foundation

/// A file changed by a pull request, as the files endpoint lists it.
public struct EmulatedFile: Sendable, Equatable {
    /// The path.
    public var filename: String
    /// `added`, `modified`, `removed`, …
    public var status: String
    /// Lines added.
    public var additions: Int
    /// Lines removed.
    public var deletions: Int
    /// The unified diff.
    public var patch: String?

    /// Creates a file entry.
    public init(filename: String, status: String = "modified", additions: Int = 1, deletions: Int = 0, patch: String? = nil) {
        self.filename = filename
        self.status = status
        self.additions = additions
        self.deletions = deletions
        self.patch = patch
    }
}

import Foundation

/// A bare repository that pfbot owns on disk, usually a mirror of a GitHub repository.
///
/// A handle is a plain value: it names the repository, it does not hold libgit2 state, so it can be passed
/// between tasks freely. Every operation opens the repository on its own thread and closes it when done.
public struct MirrorHandle: Sendable, Hashable {
    /// The repository owner (first path component of the remote), e.g. `postfiat`.
    public let owner: String
    /// The repository name without `.git`.
    public let name: String
    /// The bare repository folder, `<data>/repos/<owner>/<name>.git`.
    public let path: URL
    /// The remote pushed to and fetched from (`origin`).
    public let remoteURL: String

    /// Creates a handle; ``LibGit2Workspace/mirror(remoteURL:token:)`` is the usual way to get one.
    public init(owner: String, name: String, path: URL, remoteURL: String) {
        self.owner = owner
        self.name = name
        self.path = path
        self.remoteURL = remoteURL
    }
}

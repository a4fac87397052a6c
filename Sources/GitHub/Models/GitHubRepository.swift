import Foundation

/// A repository (the fields pfbot uses; everything else is ignored).
public struct GitHubRepository: Codable, Sendable, Equatable {
    /// The numeric repository id.
    public var id: Int
    /// The short name, e.g. `hello-world`.
    public var name: String
    /// `owner/name`.
    public var fullName: String
    /// The owning account; absent in a few compact payloads.
    public var owner: GitHubUser?
    /// Whether the repository is private.
    public var `private`: Bool?
    /// The default branch, e.g. `main`; absent in compact payloads.
    public var defaultBranch: String?
    /// The web page.
    public var htmlUrl: String?
    /// The HTTPS clone URL.
    public var cloneUrl: String?
    /// Whether the repository is archived (read-only).
    public var archived: Bool?

    /// Creates a repository value.
    public init(id: Int, name: String, fullName: String, owner: GitHubUser? = nil, defaultBranch: String? = nil) {
        self.id = id
        self.name = name
        self.fullName = fullName
        self.owner = owner
        self.defaultBranch = defaultBranch
    }
}

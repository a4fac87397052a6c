/// Decides who may fetch from or push to a repository served by ``GitHTTPBackend``.
public protocol GitHTTPAuthoriser: Sendable {
    /// Decides on one smart-HTTP request.
    /// - Parameter access: the repository, whether it is a push, and the basic-auth credentials if any.
    /// - Returns: allow (with the `REMOTE_USER` to pass to git), challenge (401) or deny (403).
    func authorise(_ access: GitHTTPAccess) async -> GitHTTPDecision
}

/// One smart-HTTP request as the authoriser sees it.
public struct GitHTTPAccess: Sendable, Equatable {
    /// The repository path below the served root, e.g. `acme/site.git`.
    public let repository: String
    /// `true` for `git-receive-pack` (push), `false` for `git-upload-pack` (fetch, clone).
    public let isPush: Bool
    /// The user name from `Authorization: Basic`, if sent.
    public let user: String?
    /// The password from `Authorization: Basic`, if sent.
    public let password: String?

    /// Creates an access record.
    public init(repository: String, isPush: Bool, user: String?, password: String?) {
        self.repository = repository
        self.isPush = isPush
        self.user = user
        self.password = password
    }
}

/// The answer of a ``GitHTTPAuthoriser``.
public enum GitHTTPDecision: Sendable, Equatable {
    /// Serve the request, passing `remoteUser` to git as `REMOTE_USER` (which enables pushes).
    case allow(remoteUser: String)
    /// Answer 401 with `WWW-Authenticate: Basic realm="<realm>"` so the client sends credentials.
    case challenge(realm: String)
    /// Answer 403.
    case deny
}

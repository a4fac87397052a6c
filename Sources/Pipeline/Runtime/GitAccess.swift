import Git

/// How the pipeline reaches the repository's git data: the workspace (libgit2 mirrors), the remote's URL, and
/// the token for smart HTTP (an installation token, a personal token or Actions' `GITHUB_TOKEN`).
public struct GitAccess: Sendable {
    /// The libgit2 mirrors tasks are committed and read in.
    public var workspace: any GitWorkspace
    /// The clone URL, e.g. `https://github.com/owner/name.git`.
    public var remoteURL: String
    /// A fresh token for each transfer (installation tokens expire).
    public var token: @Sendable () async throws -> String?

    /// Creates the access from its parts.
    /// - Parameters:
    ///   - workspace: the libgit2 mirrors.
    ///   - remoteURL: the clone URL.
    ///   - token: returns a fresh token for each transfer, or `nil` for none.
    public init(workspace: any GitWorkspace, remoteURL: String, token: @escaping @Sendable () async throws -> String?) {
        self.workspace = workspace
        self.remoteURL = remoteURL
        self.token = token
    }

    /// The mirror, cloned on first use and fetched afterwards.
    func freshMirror() async throws -> MirrorHandle {
        let token = try await token()
        let handle = try await workspace.mirror(remoteURL: remoteURL, token: token)
        try await workspace.fetch(in: handle, token: token)
        return handle
    }
}

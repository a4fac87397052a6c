import struct Foundation.URL
import struct Foundation.URLComponents

/// `github.*`
public struct GitHubSettings: Sendable, Equatable {
    /// REST API base URL (`https://api.github.com`, or `https://HOST/api/v3` for GitHub Enterprise Server).
    public var apiURL: URL
    /// The repository tasks are mirrored into (`owner/name`).
    public var repository: String?
    /// GitHub App id, for App authentication.
    public var appID: Int?
    /// The App's installation id; required with ``appID``.
    public var installationID: Int?
    /// The App's private key (PEM).
    public var privateKey: SecretReference?
    /// A token (personal access token or Actions' `GITHUB_TOKEN`).
    public var token: SecretReference?
    /// Webhook secrets; several while rotating.
    public var webhookSecrets: [SecretReference]
    /// Milliseconds between content-creating calls (GitHub asks for at least 1000).
    public var writeSpacingMilliseconds: Int

    public init(
        apiURL: URL, repository: String?, appID: Int?, installationID: Int?, privateKey: SecretReference?,
        token: SecretReference?, webhookSecrets: [SecretReference], writeSpacingMilliseconds: Int
    ) {
        self.apiURL = apiURL
        self.repository = repository
        self.appID = appID
        self.installationID = installationID
        self.privateKey = privateKey
        self.token = token
        self.webhookSecrets = webhookSecrets
        self.writeSpacingMilliseconds = writeSpacingMilliseconds
    }

    /// GitHub's web address for ``apiURL``, on which issue, pull request and commit links are built without asking
    /// the API: `https://github.com` for `https://api.github.com`, `https://HOST` for GitHub Enterprise Server's
    /// `https://HOST/api/v3`, otherwise the API's own scheme, host and port.
    public var webURL: URL {
        guard var parts = URLComponents(url: apiURL, resolvingAgainstBaseURL: false), let host = parts.host else { return apiURL }
        if host.lowercased() == "api.github.com" { parts.host = "github.com" }
        parts.path = ""
        parts.query = nil
        parts.fragment = nil
        return parts.url ?? apiURL
    }
}

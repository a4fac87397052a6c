import Foundation

/// How the client proves who it is.
public enum GitHubAuthentication: Sendable {
    /// A personal access token (classic or fine-grained), sent as `Authorization: Bearer …`.
    case personalAccessToken(String)
    /// The `GITHUB_TOKEN` of a GitHub Actions run.
    case actionsToken(String)
    /// A GitHub App acting as one installation: a JWT mints installation tokens, which are cached.
    case app(GitHubAppCredentials, installationID: Int)

    /// Picks the authentication from the environment.
    ///
    /// `GITHUB_APP_ID` + `GITHUB_APP_PRIVATE_KEY_FILE` + `GITHUB_APP_INSTALLATION_ID` select App auth;
    /// otherwise `GITHUB_TOKEN` is used (as an Actions token when `GITHUB_ACTIONS` is `true`).
    /// - Parameter environment: the variables, usually `ProcessInfo.processInfo.environment`.
    /// - Throws: `GitHubError.authentication` when nothing usable is set or the key file cannot be read.
    public static func fromEnvironment(_ environment: [String: String]) throws -> GitHubAuthentication {
        if let appID = environment["GITHUB_APP_ID"], let keyFile = environment["GITHUB_APP_PRIVATE_KEY_FILE"] {
            guard let installation = environment["GITHUB_APP_INSTALLATION_ID"].flatMap({ Int($0) }) else {
                throw GitHubError.authentication("GITHUB_APP_INSTALLATION_ID must be set to a number when GITHUB_APP_ID is set")
            }
            return .app(try GitHubAppCredentials(appID: appID, privateKeyFile: keyFile), installationID: installation)
        }
        if let token = environment["GITHUB_TOKEN"], !token.isEmpty {
            return environment["GITHUB_ACTIONS"] == "true" ? .actionsToken(token) : .personalAccessToken(token)
        }
        throw GitHubError.authentication("set GITHUB_TOKEN, or GITHUB_APP_ID with GITHUB_APP_PRIVATE_KEY_FILE and GITHUB_APP_INSTALLATION_ID")
    }

    /// The key that serializes this identity's writes.
    var writeKey: String {
        switch self {
        case .personalAccessToken: return "token"
        case .actionsToken: return "actions"
        case .app(let credentials, let installationID): return "app-\(credentials.appID)-\(installationID)"
        }
    }
}

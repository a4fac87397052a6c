import Foundation
import GitHub

/// Tokens for git over smart HTTP: the token itself, or an installation token minted for the App and reused until
/// five minutes before it expires.
actor GitTokenSource {
    let authentication: GitHubAuthentication
    let github: GitHubClient
    private var cached: (token: String, expires: Date)?

    init(authentication: GitHubAuthentication, github: GitHubClient) {
        self.authentication = authentication
        self.github = github
    }

    func token() async throws -> String? {
        switch authentication {
        case .personalAccessToken(let token), .actionsToken(let token):
            return token
        case .app(_, let installation):
            if let cached, cached.expires.timeIntervalSinceNow > 300 { return cached.token }
            let minted = try await github.createInstallationToken(installationID: installation)
            cached = (minted.token, minted.expiresAt)
            return minted.token
        }
    }
}

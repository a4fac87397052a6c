import Foundation

/// Lets a ``GitHTTPBackend`` accept the emulator's own credentials, the way github.com does for git over HTTPS:
/// any user name (conventionally `x-access-token`) with an installation token, Actions token or personal
/// access token as the password. Fetching needs read access to the repository, pushing needs write access.
public struct EmulatorGitAuthoriser: GitHTTPAuthoriser {
    let state: GitHubEmulatorState

    /// Decides on one smart-HTTP request from the emulator's tokens and permissions.
    public func authorise(_ access: GitHTTPAccess) async -> GitHTTPDecision {
        guard let token = access.password, !token.isEmpty else { return .challenge(realm: "GitHub") }
        let key = access.repository.hasSuffix(".git") ? String(access.repository.dropLast(4)) : access.repository
        return await state.gitDecision(token: token, key: key, isPush: access.isPush)
    }
}

extension GitHubEmulator {
    /// An authoriser for a ``GitHTTPBackend`` serving the same repositories, checking the emulator's tokens.
    public func gitAuthoriser() -> EmulatorGitAuthoriser {
        EmulatorGitAuthoriser(state: state)
    }

    /// Makes repository payloads give `clone_url` on this git server (e.g. a ``LoopbackGitServer``'s base URL).
    public func setGitBaseURL(_ url: String) async {
        await state.setGitBase(url)
    }
}

extension GitHubEmulatorState {
    func setGitBase(_ url: String) {
        payloads.gitBase = url.hasSuffix("/") ? String(url.dropLast()) : url
    }

    func gitDecision(token: String, key: String, isPush: Bool) -> GitHTTPDecision {
        let identity: EmulatedIdentity
        if let login = userTokens[token], let user = users[login] {
            identity = .user(user)
        } else if actionsTokens.contains(token) {
            identity = .installation(id: 0, bot: actionsBot)
        } else if let record = installationTokens[token], record.expiresAt > now(), let installation = installations[record.installation],
            let app = apps[installation.appID]
        {
            identity = .installation(id: installation.id, bot: app.bot)
        } else {
            return .challenge(realm: "GitHub")
        }
        guard let repo = repositories[key], permission(of: identity, on: repo) != "none" else { return .deny }
        if isPush, !canWrite(identity, repo) || readOnlyTokens.contains(token) { return .deny }
        return .allow(remoteUser: identity.actor?.login ?? "x-access-token")
    }
}

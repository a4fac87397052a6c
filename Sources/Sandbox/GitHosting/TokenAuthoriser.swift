import NIOConcurrencyHelpers

/// Allows requests that present GitHub-style token credentials: user `x-access-token`, password a registered token.
///
/// Anything else gets a 401 challenge. Tokens can be registered and revoked while the server runs.
public final class TokenAuthoriser: GitHTTPAuthoriser {
    /// The realm named in the `WWW-Authenticate` challenge.
    public let realm: String
    /// Whether fetches without credentials are allowed (a public repository).
    public let allowsAnonymousFetch: Bool
    private let tokens: NIOLockedValueBox<Set<String>>

    /// Creates an authoriser.
    /// - Parameters:
    ///   - tokens: tokens accepted from the start.
    ///   - realm: the realm named in challenges.
    ///   - allowsAnonymousFetch: let fetches through without credentials.
    public init(tokens: Set<String> = [], realm: String = "pfbot sandbox", allowsAnonymousFetch: Bool = false) {
        self.tokens = NIOLockedValueBox(tokens)
        self.realm = realm
        self.allowsAnonymousFetch = allowsAnonymousFetch
    }

    /// Accepts `token` from now on.
    public func register(token: String) {
        tokens.withLockedValue { _ = $0.insert(token) }
    }

    /// Stops accepting `token`.
    public func revoke(token: String) {
        tokens.withLockedValue { _ = $0.remove(token) }
    }

    /// Allows a registered token under user `x-access-token`, else challenges.
    public func authorise(_ access: GitHTTPAccess) async -> GitHTTPDecision {
        if access.user == "x-access-token", let password = access.password, tokens.withLockedValue({ $0.contains(password) }) {
            return .allow(remoteUser: "x-access-token")
        }
        if allowsAnonymousFetch, !access.isPush, access.user == nil { return .allow(remoteUser: "anonymous") }
        return .challenge(realm: realm)
    }
}

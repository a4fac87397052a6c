import GitHub

/// Checks a webhook's `X-Hub-Signature-256` against the raw body as it streams in. The GitHub module's
/// `WebhookVerifier` (constant time, several secrets for rotation) is the implementation.
public protocol WebhookAuthenticator: Sendable {
    /// Starts a check of the body against the header.
    /// - Throws: at once when the header is missing or malformed (the body need not be read then).
    func startCheck(signature: String?) throws -> WebhookBodyCheck
}

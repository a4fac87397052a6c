import Foundation

/// Checks a webhook's `X-Hub-Signature-256` against the raw body. The GitHub module's `WebhookVerifier`
/// (constant time, several secrets for rotation) is the implementation.
public protocol WebhookAuthenticator: Sendable {
    /// Throws when the signature is missing or matches none of the secrets.
    func verify(signature: String?, body: Data) throws
}

import Foundation

/// A verified, parsed delivery: what the inbox stores and the pipeline handles.
public struct WebhookDelivery: Sendable, Equatable {
    /// `X-GitHub-Delivery`, the de-duplication key.
    public var id: String
    /// The parsed event.
    public var event: WebhookEvent

    /// Verifies and parses a delivery from its headers (looked up case-insensitively by the caller) and raw body.
    /// - Parameters:
    ///   - header: returns a request header by lower-cased name.
    ///   - body: the raw body bytes.
    ///   - verifier: the secrets.
    /// - Throws: `WebhookError` for size, signature, missing headers or payload problems.
    public init(header: (String) -> String?, body: Data, verifier: WebhookVerifier) throws {
        try WebhookVerifier.checkBodySize(body.count)
        try verifier.verify(signature: header("x-hub-signature-256"), body: body)
        guard let name = header("x-github-event"), !name.isEmpty else { throw WebhookError.missingEventName }
        self.id = header("x-github-delivery") ?? ""
        self.event = try WebhookEvent.parse(name: name, body: body)
    }
}

import Foundation

/// Why a webhook delivery was rejected. Descriptions never include the expected signature.
public enum WebhookError: Error, CustomStringConvertible, Sendable, Equatable {
    /// No `X-Hub-Signature-256` header.
    case missingSignature
    /// The header is not `sha256=` followed by 64 hex digits.
    case malformedSignature
    /// The signature matches none of the configured secrets.
    case signatureMismatch
    /// No secret is configured, so nothing can be verified.
    case noSecretConfigured
    /// The body is larger than GitHub ever sends.
    case bodyTooLarge(bytes: Int, limit: Int)
    /// No `X-GitHub-Event` header.
    case missingEventName
    /// The body is not valid JSON.
    case malformedJSON(event: String, detail: String)
    /// The JSON lacks a field the event needs, or has one of the wrong type.
    case invalidPayload(event: String, detail: String)

    /// A readable explanation and what to do about it.
    public var description: String {
        switch self {
        case .missingSignature:
            return "Webhook rejected: no X-Hub-Signature-256 header. Configure a webhook secret on GitHub."
        case .malformedSignature:
            return "Webhook rejected: X-Hub-Signature-256 is not of the form sha256=<64 hex digits>."
        case .signatureMismatch:
            return "Webhook rejected: the signature does not match any configured secret. Check that the secrets agree."
        case .noSecretConfigured:
            return "Webhook rejected: no webhook secret is configured, so deliveries cannot be verified. Set one."
        case .bodyTooLarge(let bytes, let limit):
            return "Webhook rejected: body of \(bytes) bytes exceeds the \(limit)-byte limit."
        case .missingEventName:
            return "Webhook rejected: no X-GitHub-Event header."
        case .malformedJSON(let event, let detail):
            return "Webhook \(event) rejected: the body is not valid JSON (\(detail))."
        case .invalidPayload(let event, let detail):
            return "Webhook \(event) rejected: the payload is missing a field or has a wrong type (\(detail))."
        }
    }
}

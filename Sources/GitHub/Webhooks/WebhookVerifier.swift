import Crypto
import Foundation
import PFBotCore

/// Verifies `X-Hub-Signature-256` over the raw body, in constant time, against one or more secrets (for rotation).
///
/// A body can be checked whole (``verify(signature:body:)``) or as it streams in (``startCheck(signature:)``, then
/// ``WebhookBodyCheck/update(_:)`` per buffer), so a server need not hold the body before it knows its size.
public struct WebhookVerifier: Sendable {
    private let keys: [SymmetricKey]

    /// Creates a verifier; any of `secrets` is accepted (list the new secret and the old one while rotating).
    public init(secrets: [String]) {
        self.keys = secrets.filter { !$0.isEmpty }.map { SymmetricKey(data: Data($0.utf8)) }
    }

    /// Checks the signature header against the raw body bytes.
    /// - Throws: `WebhookError` when the header is missing, malformed or matches no secret.
    public func verify(signature header: String?, body: Data) throws {
        var check = try startCheck(signature: header)
        body.withUnsafeBytes { check.update($0) }
        try check.finish()
    }

    /// Starts checking a body that arrives in pieces: one HMAC per secret, updated as the bytes arrive.
    /// - Parameter header: the `X-Hub-Signature-256` value.
    /// - Returns: the check; feed it the body, then call ``WebhookBodyCheck/finish()``.
    /// - Throws: `WebhookError` at once when no secret is configured or the header is missing or malformed, so
    ///   such a request is refused before its body is read.
    public func startCheck(signature header: String?) throws -> WebhookBodyCheck {
        guard !keys.isEmpty else { throw WebhookError.noSecretConfigured }
        guard let header, !header.isEmpty else { throw WebhookError.missingSignature }
        guard header.hasPrefix("sha256="), let mac = Self.hexBytes(header.dropFirst(7)), mac.count == 32 else {
            throw WebhookError.malformedSignature
        }
        return WebhookBodyCheck(expected: mac, keys: keys)
    }

    /// Rejects bodies larger than `limit` (by default GitHub's 25 MB cap, ``ServerSettings/defaultMaxBodyBytes``).
    /// - Throws: `WebhookError.bodyTooLarge`.
    public static func checkBodySize(_ bytes: Int, limit: Int = ServerSettings.defaultMaxBodyBytes) throws {
        guard bytes <= limit else { throw WebhookError.bodyTooLarge(bytes: bytes, limit: limit) }
    }

    /// The `sha256=…` header value for a body, as GitHub computes it.
    public static func signature(for body: Data, secret: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Data(secret.utf8)))
        return "sha256=" + mac.map { String(format: "%02x", $0) }.joined()
    }

    private static func hexBytes(_ text: Substring) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let high = nibble(digits[index]), let low = nibble(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func nibble(_ char: UInt8) -> UInt8? {
        switch char {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return char - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return char - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return char - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}

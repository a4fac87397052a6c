import Crypto
import Foundation

/// Verifies `X-Hub-Signature-256` over the raw body, in constant time, against one or more secrets (for rotation).
public struct WebhookVerifier: Sendable {
    /// The largest body GitHub delivers; larger bodies are rejected before any work. 25 MB.
    public static let maxBodyBytes = 25_000_000

    private let keys: [SymmetricKey]

    /// Creates a verifier; any of `secrets` is accepted (list the new secret and the old one while rotating).
    public init(secrets: [String]) {
        self.keys = secrets.filter { !$0.isEmpty }.map { SymmetricKey(data: Data($0.utf8)) }
    }

    /// Checks the signature header against the raw body bytes.
    /// - Throws: `WebhookError` when the header is missing, malformed or matches no secret.
    public func verify(signature header: String?, body: Data) throws {
        guard !keys.isEmpty else { throw WebhookError.noSecretConfigured }
        guard let header, !header.isEmpty else { throw WebhookError.missingSignature }
        guard header.hasPrefix("sha256="), let mac = Self.hexBytes(header.dropFirst(7)), mac.count == 32 else {
            throw WebhookError.malformedSignature
        }
        let valid = keys.reduce(false) { found, key in
            HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: body, using: key) || found
        }
        guard valid else { throw WebhookError.signatureMismatch }
    }

    /// Rejects bodies of 25 MB or more (GitHub caps payloads at 25 MB).
    /// - Throws: `WebhookError.bodyTooLarge`.
    public static func checkBodySize(_ bytes: Int) throws {
        guard bytes < maxBodyBytes else { throw WebhookError.bodyTooLarge(bytes: bytes, limit: maxBodyBytes) }
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

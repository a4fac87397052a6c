import Crypto
import Foundation

/// A webhook signature check in progress: an HMAC-SHA256 per configured secret, fed the body buffer by buffer as
/// it arrives, compared in constant time at the end. Made by ``WebhookVerifier/startCheck(signature:)``.
public struct WebhookBodyCheck {
    private let expected: [UInt8]
    private var macs: [HMAC<SHA256>]

    init(expected: [UInt8], keys: [SymmetricKey]) {
        self.expected = expected
        self.macs = keys.map { HMAC<SHA256>(key: $0) }
    }

    /// Adds the next bytes of the body.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        for index in macs.indices { macs[index].update(data: bytes) }
    }

    /// Ends the check.
    /// - Throws: `WebhookError.signatureMismatch` when the body matches none of the secrets.
    public func finish() throws {
        // Every secret is compared (no early exit), each in constant time.
        let valid = macs.reduce(false) { found, mac in (mac.finalize() == expected) || found }
        guard valid else { throw WebhookError.signatureMismatch }
    }
}

import Crypto
import Foundation
import PostFiat
import Sandbox

/// A test-only signing scheme (NOT secure): the "public key" is `ED` + SHA-256(secret), the address is derived
/// from it, and a signature is HMAC-SHA256 keyed by SHA-256 of the public key. It lets client and emulator run
/// the whole protocol without the XRPL module.
struct HMACTestSigner: TransitionSigner {
    let publicKeyHex: String
    let address: String

    init(secret: String) {
        publicKeyHex = "ED" + SHA256.hash(data: Data(secret.utf8)).map { String(format: "%02X", $0) }.joined()
        address = HMACTestChecker.derive(publicKeyHex)
    }

    func sign(message: [UInt8]) throws -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: message, using: HMACTestChecker.key(publicKeyHex)))
    }
}

import Crypto
import Foundation
import PostFiat
import Sandbox

/// Verifies ``HMACTestSigner`` signatures for the emulator.
struct HMACTestChecker: SignatureChecker {
    static let alphabet = Array("rpshnaf39wBUDNEGHJKLM4PQRST7VWXYZ2bcdeCg65jkm8oFqi1tuvAxyz")

    static func derive(_ publicKeyHex: String) -> String {
        let digest = SHA256.hash(data: Data(publicKeyHex.uppercased().utf8))
        return "r" + String(digest.prefix(32).map { alphabet[Int($0) % alphabet.count] })
    }

    static func key(_ publicKeyHex: String) -> SymmetricKey {
        SymmetricKey(data: SHA256.hash(data: Data(publicKeyHex.uppercased().utf8)))
    }

    func address(forPublicKeyHex publicKeyHex: String) -> String? {
        publicKeyHex.count == 66 ? Self.derive(publicKeyHex) : nil
    }

    func verify(message: [UInt8], signature: [UInt8], publicKeyHex: String) -> Bool {
        HMAC<SHA256>.isValidAuthenticationCode(signature, authenticating: message, using: Self.key(publicKeyHex))
    }
}

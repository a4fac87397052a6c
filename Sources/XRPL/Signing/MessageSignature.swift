import Crypto

/// Verification of ripple-keypairs message signatures.
public enum MessageSignature {
    /// Whether `signature` signs `message` under the 33-byte public key in `publicKeyHex`.
    ///
    /// ed25519 keys (`ED…`) verify the raw bytes; secp256k1 keys verify SHA-512Half of them and reject high-S and
    /// non-canonical DER.
    public static func verify(message: [UInt8], signature: [UInt8], publicKeyHex: String) -> Bool {
        guard let key = try? Hex.decode(publicKeyHex), key.count == 33 else { return false }
        if key[0] == 0xED {
            guard signature.count == 64,
                let pub = try? Curve25519.Signing.PublicKey(rawRepresentation: Array(key.dropFirst()))
            else { return false }
            return pub.isValidSignature(signature, for: message)
        }
        guard key[0] == 0x02 || key[0] == 0x03 else { return false }
        return Secp256k1.verify(digest: Hashing.sha512Half(message), der: signature, publicKey: key)
    }
}

/// Family-seed key derivation (xrpl.org "Cryptographic Keys").
enum KeyDerivation {
    /// The ed25519 secret of a seed: SHA-512Half(entropy).
    static func ed25519Secret(entropy: [UInt8]) -> [UInt8] {
        Hashing.sha512Half(entropy)
    }

    /// The secp256k1 account secret of a seed: root + intermediate (mod n).
    static func secp256k1Secret(entropy: [UInt8]) throws -> [UInt8] {
        let root = try firstValidSecret(prefix: entropy)
        let rootPublic = try Secp256k1.publicKey(secret: root)
        let intermediate = try firstValidSecret(prefix: rootPublic + [0, 0, 0, 0])
        return try Secp256k1.addSecrets(root, intermediate)
    }

    private static func firstValidSecret(prefix: [UInt8]) throws -> [UInt8] {
        for counter in UInt32(0)...UInt32.max {
            let candidate = Hashing.sha512Half(prefix + bigEndian(counter))
            if Secp256k1.isValidSecret(candidate) { return candidate }
        }
        throw XRPLError.invalidSeed("no valid secp256k1 secret for this seed")
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(truncatingIfNeeded: value >> 16), UInt8(truncatingIfNeeded: value >> 8), UInt8(truncatingIfNeeded: value)]
    }
}

import CSecp256k1

/// Thin wrapper over Debian's libsecp256k1 with the ledger's rules: RFC 6979 nonces, low-S, strict DER.
enum Secp256k1 {
    /// A context created once for signing and verification; libsecp256k1 allows concurrent use of a const context.
    private final class Context: @unchecked Sendable {
        let pointer: OpaquePointer?
        init() {
            // SECP256K1_CONTEXT_SIGN | SECP256K1_CONTEXT_VERIFY (function-like macros do not import).
            pointer = secp256k1_context_create(UInt32(1 | (1 << 8) | (1 << 9)))
        }
        deinit { if let pointer { secp256k1_context_destroy(pointer) } }
    }

    private static let shared = Context()
    /// SECP256K1_EC_COMPRESSED.
    private static let compressedFlag = UInt32((1 << 1) | (1 << 8))

    static func context() throws -> OpaquePointer {
        guard let pointer = shared.pointer else { throw XRPLError.signingFailed("libsecp256k1 context could not be created") }
        return pointer
    }

    /// Whether 32 bytes are a valid secret key (non-zero, below the group order).
    static func isValidSecret(_ secret: [UInt8]) -> Bool {
        guard secret.count == 32, let ctx = try? context() else { return false }
        return secp256k1_ec_seckey_verify(ctx, secret) == 1
    }

    /// The 33-byte compressed public key of a 32-byte secret.
    static func publicKey(secret: [UInt8]) throws -> [UInt8] {
        let ctx = try context()
        guard secret.count == 32 else { throw XRPLError.invalidKey("secp256k1 secret must be 32 bytes") }
        var pubkey = secp256k1_pubkey()
        guard secp256k1_ec_pubkey_create(ctx, &pubkey, secret) == 1 else { throw XRPLError.invalidKey("secp256k1 secret out of range") }
        var out = [UInt8](repeating: 0, count: 33)
        var length = 33
        _ = secp256k1_ec_pubkey_serialize(ctx, &out, &length, &pubkey, compressedFlag)
        return out
    }

    /// `(secret + tweak) mod n`.
    static func addSecrets(_ secret: [UInt8], _ tweak: [UInt8]) throws -> [UInt8] {
        let ctx = try context()
        var result = secret
        guard secret.count == 32, tweak.count == 32, secp256k1_ec_seckey_tweak_add(ctx, &result, tweak) == 1 else {
            throw XRPLError.invalidKey("secp256k1 key tweak out of range")
        }
        return result
    }

    /// DER signature of a 32-byte digest (RFC 6979 nonce; libsecp256k1 always produces low-S).
    static func sign(digest: [UInt8], secret: UnsafeBufferPointer<UInt8>) throws -> [UInt8] {
        let ctx = try context()
        guard digest.count == 32, secret.count == 32, let base = secret.baseAddress else {
            throw XRPLError.signingFailed("secp256k1 needs a 32-byte digest and key")
        }
        var signature = secp256k1_ecdsa_signature()
        guard secp256k1_ecdsa_sign(ctx, &signature, digest, base, nil, nil) == 1 else {
            throw XRPLError.signingFailed("secp256k1_ecdsa_sign rejected the key")
        }
        var der = [UInt8](repeating: 0, count: 72)
        var length = 72
        guard secp256k1_ecdsa_signature_serialize_der(ctx, &der, &length, &signature) == 1 else {
            throw XRPLError.signingFailed("DER serialization failed")
        }
        return Array(der.prefix(length))
    }

    /// Verifies a DER signature over a 32-byte digest; rejects high-S and any non-canonical DER encoding.
    static func verify(digest: [UInt8], der: [UInt8], publicKey: [UInt8]) -> Bool {
        guard digest.count == 32, !der.isEmpty, der.count <= 72, let ctx = try? context() else { return false }
        var pubkey = secp256k1_pubkey()
        guard secp256k1_ec_pubkey_parse(ctx, &pubkey, publicKey, publicKey.count) == 1 else { return false }
        var signature = secp256k1_ecdsa_signature()
        guard secp256k1_ecdsa_signature_parse_der(ctx, &signature, der, der.count) == 1 else { return false }
        var reencoded = [UInt8](repeating: 0, count: 72)
        var length = 72
        guard secp256k1_ecdsa_signature_serialize_der(ctx, &reencoded, &length, &signature) == 1,
            Array(reencoded.prefix(length)) == der
        else { return false }
        var normalized = secp256k1_ecdsa_signature()
        guard secp256k1_ecdsa_signature_normalize(ctx, &normalized, &signature) == 0 else { return false }
        return secp256k1_ecdsa_verify(ctx, &signature, digest, &pubkey) == 1
    }
}

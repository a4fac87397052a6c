import Crypto

/// The hash functions the ledger uses.
public enum Hashing {
    /// First 32 bytes of SHA-512.
    public static func sha512Half<C: Collection>(_ bytes: C) -> [UInt8] where C.Element == UInt8 {
        var hasher = SHA512()
        hasher.update(data: Array(bytes))
        return Array(hasher.finalize().prefix(32))
    }

    /// SHA-256.
    public static func sha256<C: Collection>(_ bytes: C) -> [UInt8] where C.Element == UInt8 {
        Array(SHA256.hash(data: Array(bytes)))
    }

    /// RIPEMD-160(SHA-256(bytes)), the account ID of a public key.
    public static func accountID(publicKey: [UInt8]) -> [UInt8] {
        RIPEMD160.hash(sha256(publicKey))
    }
}

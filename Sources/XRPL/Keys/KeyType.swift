/// The two signature algorithms of the ledger.
public enum KeyType: String, Sendable, Codable, Equatable {
    /// Ed25519 (public keys start with `ED`).
    case ed25519
    /// ECDSA over secp256k1 (compressed public keys start with `02`/`03`).
    case secp256k1
}

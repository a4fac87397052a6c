/// How the emulator checks wallet proofs (`deriveAddress` + ripple-keypairs `verify`), injected so the real
/// XRPL code or a test scheme can be used.
public protocol SignatureChecker: Sendable {
    /// The classic address of a public key, or `nil` when the key is malformed.
    func address(forPublicKeyHex publicKeyHex: String) -> String?
    /// Whether `signature` signs `message` under `publicKeyHex`.
    func verify(message: [UInt8], signature: [UInt8], publicKeyHex: String) -> Bool
}

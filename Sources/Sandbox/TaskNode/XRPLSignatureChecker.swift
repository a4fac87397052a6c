import XRPL

/// Checks wallet proofs with the XRPL module: `deriveAddress(publicKey)` and ripple-keypairs `verify`
/// (secp256k1 low-S DER over SHA-512Half, strict ed25519).
public struct XRPLSignatureChecker: SignatureChecker {
    /// A checker.
    public init() {}

    public func address(forPublicKeyHex publicKeyHex: String) -> String? {
        try? AddressCodec.address(forPublicKeyHex: publicKeyHex)
    }

    public func verify(message: [UInt8], signature: [UInt8], publicKeyHex: String) -> Bool {
        MessageSignature.verify(message: message, signature: signature, publicKeyHex: publicKeyHex)
    }
}

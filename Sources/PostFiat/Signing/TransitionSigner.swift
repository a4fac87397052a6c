/// The wallet pfbot signs with: the login challenge (§2.1) and actor transition messages (§4.5).
///
/// The XRPL module's `Wallet` conforms (see `Wallet+TransitionSigner.swift`); tests may use their own signer.
public protocol TransitionSigner: Sendable {
    /// The classic address (`r…`).
    var address: String { get }
    /// The public key as hex (`02`/`03`… for secp256k1, `ED`… for ed25519).
    var publicKeyHex: String { get }
    /// Signs the raw UTF-8 bytes of a message as ripple-keypairs does.
    /// - Throws: when the key cannot sign.
    func sign(message: [UInt8]) throws -> [UInt8]
}

extension TransitionSigner {
    /// Signs `message` and returns the signature as uppercase hex.
    func signatureHex(for message: String) throws -> String {
        try sign(message: Array(message.utf8)).uppercaseHex
    }
}

extension Sequence where Element == UInt8 {
    /// The bytes as uppercase hex.
    var uppercaseHex: String { map { String(format: "%02X", $0) }.joined() }
}

import Crypto

/// A key pair and its classic address, created from a family seed or a BIP39 mnemonic.
///
/// ```swift
/// let wallet = try Wallet(seed: "sEdSKaCy2JT7JaM7v95H9SxkhP9wS2r")
/// let signature = try wallet.sign(message: Array("hello".utf8))
/// ```
public struct Wallet: Sendable, CustomStringConvertible {
    /// The classic `r…` address.
    public let address: String
    /// Uppercase hex of the 33-byte public key (`ED`+32 bytes for ed25519).
    public let publicKeyHex: String
    /// The signature algorithm.
    public let keyType: KeyType
    /// The 33-byte public key.
    public let publicKey: [UInt8]
    private let secret: SecretBytes

    /// A wallet from a family seed: `sEd…` is ed25519, any other `s…` seed is secp256k1.
    /// - Throws: `XRPLError.invalidSeed` for a bad checksum, alphabet or length.
    public init(seed: String) throws {
        let decoded = try AddressCodec.decodeSeed(seed.trimmingWhitespace())
        switch decoded.keyType {
        case .ed25519:
            try self.init(ed25519Secret: KeyDerivation.ed25519Secret(entropy: decoded.entropy))
        case .secp256k1:
            try self.init(secp256k1Secret: KeyDerivation.secp256k1Secret(entropy: decoded.entropy))
        }
    }

    /// A secp256k1 wallet from a BIP39 English mnemonic at m/44'/144'/0'/0/0.
    /// - Throws: `XRPLError.invalidMnemonic` for unknown words, a wrong word count or a checksum mismatch.
    public init(mnemonic: String) throws {
        try self.init(secp256k1Secret: BIP39.xrplSecret(mnemonic: mnemonic))
    }

    init(ed25519Secret: [UInt8]) throws {
        let key = try Curve25519.Signing.PrivateKey(rawRepresentation: ed25519Secret)
        let pub = [0xED] + Array(key.publicKey.rawRepresentation)
        secret = SecretBytes(ed25519Secret)
        publicKey = pub
        publicKeyHex = Hex.encode(pub)
        keyType = .ed25519
        address = AddressCodec.encodeAccountID(Hashing.accountID(publicKey: pub))
    }

    init(secp256k1Secret: [UInt8]) throws {
        let pub = try Secp256k1.publicKey(secret: secp256k1Secret)
        secret = SecretBytes(secp256k1Secret)
        publicKey = pub
        publicKeyHex = Hex.encode(pub)
        keyType = .secp256k1
        address = AddressCodec.encodeAccountID(Hashing.accountID(publicKey: pub))
    }

    /// The private key in xrpl.js form (`ED`/`00` + 32 bytes), held in redacting storage.
    public var privateKey: SecretBytes {
        SecretBytes((keyType == .ed25519 ? [0xED] : [0x00]) + secret.copy)
    }

    /// Signs `message` as ripple-keypairs does: ed25519 over the bytes, secp256k1 over SHA-512Half of them.
    /// - Returns: 64 bytes (ed25519) or a low-S DER signature (secp256k1).
    public func sign(message: [UInt8]) throws -> [UInt8] {
        switch keyType {
        case .ed25519:
            let key = try secret.withBytes { try Curve25519.Signing.PrivateKey(rawRepresentation: Array($0)) }
            return Array(try key.signature(for: message))
        case .secp256k1:
            let digest = Hashing.sha512Half(message)
            return try secret.withBytes { try Secp256k1.sign(digest: digest, secret: $0) }
        }
    }

    /// The address and key type; never the secret.
    public var description: String { "Wallet(\(address), \(keyType.rawValue))" }
}

extension String {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}

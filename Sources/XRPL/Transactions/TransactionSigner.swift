import JSON

/// Single-signer signing: sets SigningPubKey, signs the STX-prefixed signing data, adds TxnSignature.
public struct TransactionSigner: Sendable {
    /// The codec used for signing data and blobs.
    public let codec: BinaryCodec

    /// A signer over `codec`.
    public init(codec: BinaryCodec) { self.codec = codec }

    /// Signs `transaction` (which must already carry Sequence, Fee and the other fields it needs).
    /// - Throws: `XRPLError.transaction` if it is not an object or its Account is not the wallet's; codec errors as thrown.
    public func sign(_ transaction: JSONValue, with wallet: Wallet) throws -> SignedTransaction {
        guard case .object(var tx) = transaction else { throw XRPLError.transaction("a transaction must be a JSON object") }
        if let account = tx["Account"]?.stringValue, account != wallet.address {
            throw XRPLError.transaction("Account \(account) is not the signing wallet \(wallet.address)")
        }
        tx["Account"] = .string(wallet.address)
        tx["SigningPubKey"] = .string(wallet.publicKeyHex)
        tx["TxnSignature"] = nil
        let signingData = try codec.encodeForSigning(.object(tx))
        tx["TxnSignature"] = .string(Hex.encode(try wallet.sign(message: signingData)))
        let blob = try codec.encode(.object(tx))
        return SignedTransaction(txBlob: Hex.encode(blob), hash: BinaryCodec.transactionHash(blob: blob), json: .object(tx))
    }

    /// Whether a signed blob carries a valid single signature by the key in its SigningPubKey.
    public func verifySignature(blob: [UInt8]) -> Bool {
        guard case .object(let tx)? = try? codec.decode(blob), let key = tx["SigningPubKey"]?.stringValue,
            let signatureHex = tx["TxnSignature"]?.stringValue, let signature = try? Hex.decode(signatureHex),
            let signingData = try? codec.encodeForSigning(.object(tx))
        else { return false }
        return MessageSignature.verify(message: signingData, signature: signature, publicKeyHex: key)
    }
}

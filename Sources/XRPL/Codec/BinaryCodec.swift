import JSON

/// The XRPL canonical binary format (xrpl.org "Binary Format"), driven by `definitions.json`.
///
/// ```swift
/// let codec = try BinaryCodec()
/// let blob = try codec.encode(txJSON)
/// let back = try codec.decode(blob)
/// ```
public struct BinaryCodec: Sendable {
    /// Hash prefix of single-signing data, "STX\0".
    public static let signingPrefix: [UInt8] = [0x53, 0x54, 0x58, 0x00]
    /// Hash prefix of a transaction ID, "TXN\0".
    public static let transactionIDPrefix: [UInt8] = [0x54, 0x58, 0x4E, 0x00]

    /// The tables the codec uses.
    public let definitions: Definitions

    /// A codec over the bundled `definitions.json`.
    public init() throws { definitions = try Definitions.load() }

    /// A codec over given definitions.
    public init(definitions: Definitions) { self.definitions = definitions }

    /// Serializes a JSON object (transaction, ledger entry, …) in canonical field order.
    /// - Throws: `XRPLError.unknownField` / `.invalidField` naming the offending field.
    public func encode(_ json: JSONValue) throws -> [UInt8] {
        var encoder = BinaryEncoder(definitions: definitions, signingOnly: false)
        try encoder.writeObject(json, fieldName: "root", nested: false)
        return encoder.bytes
    }

    /// Signing data: `53545800` followed by the signing fields only.
    public func encodeForSigning(_ json: JSONValue) throws -> [UInt8] {
        var encoder = BinaryEncoder(definitions: definitions, signingOnly: true)
        encoder.bytes = Self.signingPrefix
        try encoder.writeObject(json, fieldName: "root", nested: false)
        return encoder.bytes
    }

    /// Parses canonical binary back to JSON.
    /// - Throws: `XRPLError.malformedBinary` naming the field where the input stopped making sense.
    public func decode(_ bytes: [UInt8]) throws -> JSONValue {
        try bytes.withUnsafeBytes { buffer in
            var decoder = BinaryDecoder(definitions: definitions, buffer: buffer)
            return try decoder.readObject(nested: false, fieldName: "root")
        }
    }

    /// Hex convenience for `encode`.
    public func encodeHex(_ json: JSONValue) throws -> String { Hex.encode(try encode(json)) }

    /// Hex convenience for `decode`.
    public func decodeHex(_ hex: String) throws -> JSONValue { try decode(try Hex.decode(hex)) }

    /// The transaction ID: SHA-512Half(`54584E00` ‖ signed blob), uppercase hex.
    public static func transactionHash(blob: [UInt8]) -> String {
        Hex.encode(Hashing.sha512Half(transactionIDPrefix + blob))
    }
}

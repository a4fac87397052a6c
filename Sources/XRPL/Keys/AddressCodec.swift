/// Classic addresses, X-addresses and family seeds (xrpl.org "Addresses", "Base58 Encodings").
public enum AddressCodec {
    static let accountVersion: [UInt8] = [0x00]
    static let familySeedVersion: [UInt8] = [0x21]
    static let ed25519SeedVersion: [UInt8] = [0x01, 0xE1, 0x4B]
    static let xAddressMainPrefix: [UInt8] = [0x05, 0x44]
    static let xAddressTestPrefix: [UInt8] = [0x04, 0x93]

    /// The classic address of a 33-byte public key given as hex.
    /// - Throws: `XRPLError.invalidKey` if the hex is not a 33-byte key.
    public static func address(forPublicKeyHex hex: String) throws -> String {
        let key: [UInt8]
        do { key = try Hex.decode(hex) } catch { throw XRPLError.invalidKey("public key is not hex") }
        guard key.count == 33, key[0] == 0xED || key[0] == 0x02 || key[0] == 0x03 else {
            throw XRPLError.invalidKey("public key must be 33 bytes starting with ED, 02 or 03")
        }
        return encodeAccountID(Hashing.accountID(publicKey: key))
    }

    /// Whether `address` is a well-formed classic `r…` address with a valid checksum.
    public static func isValidClassicAddress(_ address: String) -> Bool {
        (try? decodeAccountID(address)) != nil
    }

    /// The classic address of a 20-byte account ID.
    public static func encodeAccountID(_ accountID: [UInt8]) -> String {
        Base58.encodeCheck(version: accountVersion, payload: accountID)
    }

    /// The 20-byte account ID of a classic address.
    /// - Throws: `XRPLError.invalidAddress`.
    public static func decodeAccountID(_ address: String) throws -> [UInt8] {
        guard address.utf8.first == UInt8(ascii: "r"), address.utf8.count >= 25, address.utf8.count <= 35 else {
            throw XRPLError.invalidAddress("\(address) is not a classic r… address")
        }
        do {
            return try Base58.decodeCheck(address, version: accountVersion, payloadLength: 20)
        } catch {
            throw XRPLError.invalidAddress("\(address): \(error)")
        }
    }

    /// Encodes a family seed (16 bytes of entropy) as `s…` (secp256k1) or `sEd…` (ed25519).
    public static func encodeSeed(_ entropy: [UInt8], keyType: KeyType) throws -> String {
        guard entropy.count == 16 else { throw XRPLError.invalidSeed("entropy must be 16 bytes, got \(entropy.count)") }
        return Base58.encodeCheck(version: keyType == .ed25519 ? ed25519SeedVersion : familySeedVersion, payload: entropy)
    }

    /// Decodes a family seed to its 16-byte entropy and key type (`sEd…` = ed25519, other `s…` = secp256k1).
    /// - Throws: `XRPLError.invalidSeed` for bad characters, checksums, versions or lengths.
    public static func decodeSeed(_ seed: String) throws -> (entropy: [UInt8], keyType: KeyType) {
        if let entropy = try? Base58.decodeCheck(seed, version: ed25519SeedVersion, payloadLength: 16) {
            return (entropy, .ed25519)
        }
        do {
            return (try Base58.decodeCheck(seed, version: familySeedVersion, payloadLength: 16), .secp256k1)
        } catch {
            throw XRPLError.invalidSeed("\(error)")
        }
    }

    /// Encodes a classic address plus optional tag as an X-address.
    /// - Throws: `XRPLError.invalidAddress` if the classic address is invalid.
    public static func xAddress(classicAddress: String, tag: UInt32?, isTest: Bool) throws -> String {
        let accountID = try decodeAccountID(classicAddress)
        let t = tag ?? 0
        var payload = accountID
        payload.append(tag == nil ? 0 : 1)
        for i in 0..<4 { payload.append(UInt8(truncatingIfNeeded: t >> (8 * UInt32(i)))) }
        payload += [0, 0, 0, 0]
        return Base58.encodeCheck(version: isTest ? xAddressTestPrefix : xAddressMainPrefix, payload: payload)
    }

    /// Decodes an X-address to its classic address, tag and network flag.
    /// - Throws: `XRPLError.invalidAddress` for bad checksums, prefixes, flags or tags above 32 bits.
    public static func decodeXAddress(_ xAddress: String) throws -> (classicAddress: String, tag: UInt32?, isTest: Bool) {
        let raw: [UInt8]
        do { raw = try Base58.decode(xAddress) } catch { throw XRPLError.invalidAddress("\(xAddress): \(error)") }
        guard raw.count == 35 else { throw XRPLError.invalidAddress("\(xAddress) is not an X-address") }
        let body = Array(raw.prefix(31))
        guard Array(Hashing.sha256(Hashing.sha256(body)).prefix(4)) == Array(raw.suffix(4)) else {
            throw XRPLError.invalidAddress("\(xAddress): checksum mismatch")
        }
        let prefix = Array(body.prefix(2))
        let isTest: Bool
        if prefix == xAddressMainPrefix { isTest = false } else if prefix == xAddressTestPrefix { isTest = true } else {
            throw XRPLError.invalidAddress("\(xAddress): unknown X-address prefix")
        }
        let accountID = Array(body[2..<22])
        let flag = body[22]
        var tag: UInt32 = 0
        for i in 0..<4 { tag |= UInt32(body[23 + i]) << (8 * UInt32(i)) }
        guard body[27..<31].allSatisfy({ $0 == 0 }) else { throw XRPLError.invalidAddress("\(xAddress): 64-bit tags are not supported") }
        switch flag {
        case 0:
            guard tag == 0 else { throw XRPLError.invalidAddress("\(xAddress): tag bytes set without the tag flag") }
            return (encodeAccountID(accountID), nil, isTest)
        case 1:
            return (encodeAccountID(accountID), tag, isTest)
        default:
            throw XRPLError.invalidAddress("\(xAddress): unsupported tag flag \(flag)")
        }
    }

    /// Whether `address` is a valid X-address.
    public static func isValidXAddress(_ address: String) -> Bool {
        (try? decodeXAddress(address)) != nil
    }
}

/// Base58Check with the ripple alphabet (xrpl.org "Base58 Encodings").
public enum Base58 {
    static let alphabet: [UInt8] = Array("rpshnaf39wBUDNEGHJKLM4PQRST7VWXYZ2bcdeCg65jkm8oFqi1tuvAxyz".utf8)
    private static let reverse: [Int8] = {
        var table = [Int8](repeating: -1, count: 256)
        for (i, c) in alphabet.enumerated() { table[Int(c)] = Int8(i) }
        return table
    }()

    /// Plain base58 of `bytes` (leading zero bytes become leading `r`).
    public static func encode(_ bytes: [UInt8]) -> String {
        var zeros = 0
        while zeros < bytes.count && bytes[zeros] == 0 { zeros += 1 }
        var digits = [UInt8](repeating: 0, count: bytes.count * 138 / 100 + 1)
        var length = 0
        for byte in bytes[zeros...] {
            var carry = Int(byte)
            var i = 0
            var k = digits.count - 1
            while (carry != 0 || i < length) && k >= 0 {
                carry += 256 * Int(digits[k])
                digits[k] = UInt8(carry % 58)
                carry /= 58
                i += 1
                k -= 1
            }
            length = i
        }
        var out = [UInt8](repeating: alphabet[0], count: zeros)
        for d in digits[(digits.count - length)...] { out.append(alphabet[Int(d)]) }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes of a plain base58 string.
    /// - Throws: `XRPLError.invalidBase58` for a character outside the alphabet.
    public static func decode(_ string: String) throws -> [UInt8] {
        let chars = Array(string.utf8)
        guard chars.count <= 256 else { throw XRPLError.invalidBase58("input longer than 256 characters") }
        var zeros = 0
        while zeros < chars.count && chars[zeros] == alphabet[0] { zeros += 1 }
        var bytes = [UInt8](repeating: 0, count: chars.count * 733 / 1000 + 1)
        var length = 0
        for c in chars[zeros...] {
            let value = reverse[Int(c)]
            guard value >= 0 else { throw XRPLError.invalidBase58("character \(UnicodeScalar(c)) is not in the ripple alphabet") }
            var carry = Int(value)
            var i = 0
            var k = bytes.count - 1
            while (carry != 0 || i < length) && k >= 0 {
                carry += 58 * Int(bytes[k])
                bytes[k] = UInt8(carry % 256)
                carry /= 256
                i += 1
                k -= 1
            }
            length = i
        }
        return [UInt8](repeating: 0, count: zeros) + bytes[(bytes.count - length)...]
    }

    /// Base58Check: `version ‖ payload ‖ first 4 bytes of SHA-256(SHA-256(version ‖ payload))`.
    public static func encodeCheck(version: [UInt8], payload: [UInt8]) -> String {
        let body = version + payload
        let check = Hashing.sha256(Hashing.sha256(body)).prefix(4)
        return encode(body + check)
    }

    /// Decodes Base58Check, verifying the checksum, the version prefix and the payload length.
    /// - Throws: `XRPLError.invalidBase58` naming the mismatch.
    public static func decodeCheck(_ string: String, version: [UInt8], payloadLength: Int) throws -> [UInt8] {
        let raw = try decode(string)
        guard raw.count >= 5 else { throw XRPLError.invalidBase58("too short") }
        let body = Array(raw.dropLast(4))
        let check = Array(raw.suffix(4))
        guard Array(Hashing.sha256(Hashing.sha256(body)).prefix(4)) == check else {
            throw XRPLError.invalidBase58("checksum mismatch")
        }
        guard body.count == version.count + payloadLength, Array(body.prefix(version.count)) == version else {
            throw XRPLError.invalidBase58("unexpected version or length (\(body.count) bytes)")
        }
        return Array(body.dropFirst(version.count))
    }
}

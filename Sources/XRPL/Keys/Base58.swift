import Crypto

/// Base58Check with the ripple alphabet (xrpl.org "Base58 Encodings").
public enum Base58 {
    static let alphabet: [UInt8] = Array("rpshnaf39wBUDNEGHJKLM4PQRST7VWXYZ2bcdeCg65jkm8oFqi1tuvAxyz".utf8)
    private static let reverse: [Int8] = {
        var table = [Int8](repeating: -1, count: 256)
        for (i, c) in alphabet.enumerated() { table[Int(c)] = Int8(i) }
        return table
    }()

    /// 58^5: one limb of the encoder holds five base-58 digits.
    private static let limbBase: UInt64 = 656_356_768

    /// Plain base58 of `bytes` (leading zero bytes become leading `r`).
    ///
    /// Works on 32-bit input chunks and base-58^5 limbs, so an address costs tens of multiplications, not hundreds.
    public static func encode(_ bytes: [UInt8]) -> String {
        var zeros = 0
        while zeros < bytes.count && bytes[zeros] == 0 { zeros += 1 }
        let limbCapacity = bytes.count / 3 + 1
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: limbCapacity) { limbs in
            var limbCount = 0
            var i = zeros
            while i < bytes.count {
                let take = min(4, bytes.count - i)
                var carry: UInt64 = 0
                for k in 0..<take { carry = carry << 8 | UInt64(bytes[i + k]) }
                let multiplier = UInt64(1) << UInt64(8 * take)
                for j in 0..<limbCount {
                    let v = limbs[j] * multiplier + carry
                    limbs[j] = v % limbBase
                    carry = v / limbBase
                }
                while carry > 0 && limbCount < limbCapacity {
                    limbs[limbCount] = carry % limbBase
                    limbCount += 1
                    carry /= limbBase
                }
                i += take
            }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: limbCount * 5 + 1) { digits in
                var digitCount = 0
                for j in 0..<limbCount {
                    var l = limbs[j]
                    for _ in 0..<5 {
                        digits[digitCount] = UInt8(l % 58)
                        digitCount += 1
                        l /= 58
                    }
                }
                while digitCount > 0 && digits[digitCount - 1] == 0 { digitCount -= 1 }
                return String(unsafeUninitializedCapacity: zeros + digitCount) { out in
                    for k in 0..<zeros { out[k] = alphabet[0] }
                    for k in 0..<digitCount { out[zeros + k] = alphabet[Int(digits[digitCount - 1 - k])] }
                    return zeros + digitCount
                }
            }
        }
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
        var body = version + payload
        body += checksum(body)
        return encode(body)
    }

    /// First 4 bytes of SHA-256(SHA-256(bytes)).
    static func checksum(_ bytes: [UInt8]) -> [UInt8] {
        let first = SHA256.hash(data: bytes)
        let second = first.withUnsafeBytes { SHA256.hash(data: $0) }
        return second.withUnsafeBytes { Array($0.prefix(4)) }
    }

    /// Decodes Base58Check, verifying the checksum, the version prefix and the payload length.
    /// - Throws: `XRPLError.invalidBase58` naming the mismatch.
    public static func decodeCheck(_ string: String, version: [UInt8], payloadLength: Int) throws -> [UInt8] {
        let raw = try decode(string)
        guard raw.count >= 5 else { throw XRPLError.invalidBase58("too short") }
        let body = Array(raw.dropLast(4))
        let check = Array(raw.suffix(4))
        guard checksum(body) == check else {
            throw XRPLError.invalidBase58("checksum mismatch")
        }
        guard body.count == version.count + payloadLength, Array(body.prefix(version.count)) == version else {
            throw XRPLError.invalidBase58("unexpected version or length (\(body.count) bytes)")
        }
        return Array(body.dropFirst(version.count))
    }
}

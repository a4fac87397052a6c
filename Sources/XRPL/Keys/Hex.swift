/// Hex encoding and decoding without Foundation.
public enum Hex {
    private static let upperDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// Uppercase hex of `bytes`.
    public static func encode<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        String(unsafeUninitializedCapacity: bytes.count * 2) { buffer in
            var i = 0
            for b in bytes {
                buffer[i] = upperDigits[Int(b >> 4)]
                buffer[i + 1] = upperDigits[Int(b & 0x0F)]
                i += 2
            }
            return i
        }
    }

    /// The bytes of a hex string (either case).
    /// - Throws: `XRPLError.invalidHex` on odd length or a non-hex character.
    public static func decode(_ hex: String) throws -> [UInt8] {
        var utf8 = Array(hex.utf8)
        guard utf8.count % 2 == 0 else { throw XRPLError.invalidHex("odd length \(utf8.count)") }
        var out = [UInt8]()
        out.reserveCapacity(utf8.count / 2)
        var i = 0
        while i < utf8.count {
            guard let hi = nibble(utf8[i]), let lo = nibble(utf8[i + 1]) else {
                throw XRPLError.invalidHex("non-hex character near offset \(i)")
            }
            out.append(hi << 4 | lo)
            i += 2
        }
        utf8.removeAll()
        return out
    }

    /// Whether `hex` is valid hex of exactly `byteCount` bytes.
    static func isHex(_ hex: String, byteCount: Int) -> Bool {
        let utf8 = hex.utf8
        return utf8.count == byteCount * 2 && utf8.allSatisfy { nibble($0) != nil }
    }

    @inline(__always)
    static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x41...0x46: return c - 0x41 + 10
        case 0x61...0x66: return c - 0x61 + 10
        default: return nil
        }
    }
}

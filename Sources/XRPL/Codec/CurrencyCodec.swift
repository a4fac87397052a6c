/// 160-bit currency codes (xrpl.org Binary Format, "Currency Codes").
enum CurrencyCodec {
    private static let allowedSymbols = Set("?!@#$%^&*<>(){}[]|".utf8)

    static func encode(_ code: String, field: String) throws -> [UInt8] {
        if code == "XRP" { return [UInt8](repeating: 0, count: 20) }
        let utf8 = Array(code.utf8)
        if utf8.count == 3 {
            guard utf8.allSatisfy({ isCodeCharacter($0) }) else {
                throw XRPLError.invalidField(field: field, reason: "currency code \(code) has a character outside A-Z a-z 0-9 ?!@#$%^&*<>(){}[]|")
            }
            return [UInt8](repeating: 0, count: 12) + utf8 + [UInt8](repeating: 0, count: 5)
        }
        guard utf8.count == 40, let raw = try? Hex.decode(code) else {
            throw XRPLError.invalidField(field: field, reason: "currency must be a 3-character code or 40 hex characters")
        }
        return raw
    }

    static func decode(_ b: UnsafeRawBufferPointer, at offset: Int) -> String {
        var allZero = true
        for i in 0..<20 where b[offset + i] != 0 { allZero = false; break }
        if allZero { return "XRP" }
        var standard = true
        for i in 0..<12 where b[offset + i] != 0 { standard = false; break }
        for i in 15..<20 where b[offset + i] != 0 { standard = false; break }
        if standard {
            let chars = [b[offset + 12], b[offset + 13], b[offset + 14]]
            if chars.allSatisfy({ isCodeCharacter($0) }) && chars != Array("XRP".utf8) {
                return String(decoding: chars, as: UTF8.self)
            }
        }
        return Hex.encode(UnsafeRawBufferPointer(rebasing: b[offset..<(offset + 20)]))
    }

    private static func isCodeCharacter(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || allowedSymbols.contains(c)
    }
}

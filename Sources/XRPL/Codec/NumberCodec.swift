import JSON

/// STNumber values: signed 64-bit mantissa and 32-bit exponent (xrpl.js `st-number.ts`).
///
/// The normalisation and the text form were read off the codec fixtures: the mantissa is scaled to the largest
/// magnitude that fits an Int64, and the text uses the mantissa normalised to 19 digits.
enum NumberCodec {
    static let zeroExponent = Int32.min

    static func encode(_ value: JSONValue, field: String) throws -> [UInt8] {
        guard case .string(let text) = value, let decimal = DecimalValue.parse(text) else {
            throw XRPLError.invalidField(field: field, reason: "expected a decimal number string")
        }
        if decimal.isZero { return AmountCodec.bigEndian8(0) + int32Bytes(zeroExponent) }
        var digits = decimal.digits
        var exponent = decimal.exponent
        var roundUp = false
        while digits.count > 19 || (digits.count == 19 && (DecimalValue(negative: false, digits: digits, exponent: 0).mantissa ?? UInt64.max) > UInt64(Int64.max)) {
            roundUp = (digits.last ?? 0) >= 5
            digits.removeLast()
            exponent += 1
        }
        guard var mantissa = DecimalValue(negative: false, digits: digits, exponent: 0).mantissa else {
            throw XRPLError.invalidField(field: field, reason: "number out of range")
        }
        if roundUp { mantissa += 1 }
        while mantissa <= UInt64(Int64.max) / 10 {
            mantissa *= 10
            exponent -= 1
        }
        guard mantissa <= UInt64(Int64.max), let e = Int32(exactly: exponent), e != zeroExponent else {
            throw XRPLError.invalidField(field: field, reason: "number out of range")
        }
        let signed = decimal.negative ? -Int64(mantissa) : Int64(mantissa)
        return AmountCodec.bigEndian8(UInt64(bitPattern: signed)) + int32Bytes(e)
    }

    static func decode(_ b: UnsafeRawBufferPointer, at offset: Int, field: String) throws -> String {
        guard offset + 12 <= b.count else { throw XRPLError.malformedBinary(field: field, reason: "truncated number") }
        let mantissa = Int64(bitPattern: AmountCodec.readUInt64(b, offset))
        var e = 0
        for i in 8..<12 { e = e << 8 | Int(b[offset + i]) }
        var exponent = Int(Int32(truncatingIfNeeded: e))
        if mantissa == 0 { return "0" }
        var magnitude = mantissa.magnitude
        while magnitude < 1_000_000_000_000_000_000 {
            magnitude *= 10
            exponent -= 1
        }
        let sign = mantissa < 0 ? "-" : ""
        if exponent == 0 { return sign + String(magnitude) }
        let decimal = DecimalValue(negative: false, mantissa: magnitude, exponent: exponent)
        if exponent >= -25 && exponent <= -5 {
            return sign + decimal.plainString(decimal.digits.map { Character(UnicodeScalar($0 + 0x30)) })
        }
        let digits = String(decimal.digits.map { Character(UnicodeScalar($0 + 0x30)) })
        return sign + digits + "e" + String(decimal.exponent)
    }

    private static func int32Bytes(_ v: Int32) -> [UInt8] {
        let u = UInt32(bitPattern: v)
        return [UInt8(u >> 24), UInt8(truncatingIfNeeded: u >> 16), UInt8(truncatingIfNeeded: u >> 8), UInt8(truncatingIfNeeded: u)]
    }
}

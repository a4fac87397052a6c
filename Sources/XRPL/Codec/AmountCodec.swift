import JSON

/// Amount fields: XRP drops, issued currencies, MPTs (xrpl.org Binary Format, "Amount Fields").
enum AmountCodec {
    static let maxDrops: UInt64 = 100_000_000_000_000_000
    static let minIOUExponent = -96
    static let maxIOUExponent = 80

    static func encode(_ value: JSONValue, field: String) throws -> [UInt8] {
        switch value {
        case .string(let drops):
            return bigEndian8(0x4000_0000_0000_0000 | (try parseDrops(drops, field: field)))
        case .object(let o):
            if let id = o["mpt_issuance_id"] { return try encodeMPT(o, id: id, field: field) }
            guard case .string(let text)? = o["value"], case .string(let currency)? = o["currency"],
                case .string(let issuer)? = o["issuer"]
            else { throw XRPLError.invalidField(field: field, reason: "an issued amount needs value, currency and issuer strings") }
            guard currency != "XRP" else { throw XRPLError.invalidField(field: field, reason: "XRP amounts are drop strings, not objects") }
            return bigEndian8(try iouBits(text, field: field))
                + (try CurrencyCodec.encode(currency, field: field))
                + (try ScalarCodec.accountID(issuer, field: field))
        default:
            throw XRPLError.invalidField(field: field, reason: "expected a drops string or an amount object")
        }
    }

    static func parseDrops(_ drops: String, field: String) throws -> UInt64 {
        if drops.hasPrefix("-") { throw XRPLError.invalidField(field: field, reason: "XRP amount is negative") }
        guard !drops.isEmpty, drops.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            throw XRPLError.invalidField(field: field, reason: "XRP amount must be an integer number of drops")
        }
        guard drops.utf8.count <= 18, let v = UInt64(drops), v <= maxDrops else {
            throw XRPLError.invalidField(field: field, reason: "XRP amount exceeds 10^17 drops")
        }
        return v
    }

    /// The 64-bit issued-currency value (normalized mantissa, biased exponent).
    static func iouBits(_ text: String, field: String) throws -> UInt64 {
        guard let decimal = DecimalValue.parse(text) else {
            throw XRPLError.invalidField(field: field, reason: "value \(text) is not a decimal number")
        }
        if decimal.isZero { return 0x8000_0000_0000_0000 }
        guard decimal.digits.count <= 16, var mantissa = decimal.mantissa else {
            throw XRPLError.invalidField(field: field, reason: "value precision of \(decimal.digits.count) digits exceeds 16")
        }
        var exponent = decimal.exponent
        while mantissa < 1_000_000_000_000_000 {
            mantissa *= 10
            exponent -= 1
        }
        guard exponent <= maxIOUExponent else { throw XRPLError.invalidField(field: field, reason: "exponent is too large") }
        guard exponent >= minIOUExponent else { throw XRPLError.invalidField(field: field, reason: "exponent is too small") }
        var bits: UInt64 = 0x8000_0000_0000_0000
        if !decimal.negative { bits |= 0x4000_0000_0000_0000 }
        bits |= UInt64(exponent + 97) << 54
        return bits | mantissa
    }

    private static func encodeMPT(_ o: [String: JSONValue], id: JSONValue, field: String) throws -> [UInt8] {
        guard o["issuer"] == nil else { throw XRPLError.invalidField(field: field, reason: "issuer is not valid for an MPT amount") }
        guard o["currency"] == nil else { throw XRPLError.invalidField(field: field, reason: "currency is not valid for an MPT amount") }
        guard case .string(let idHex) = id, idHex.utf8.count == 48, let idBytes = try? Hex.decode(idHex) else {
            throw XRPLError.invalidField(field: field, reason: "mpt_issuance_id must be 48 hex characters")
        }
        guard case .string(let text)? = o["value"] else { throw XRPLError.invalidField(field: field, reason: "MPT value must be a string") }
        let value = try parseMPTValue(text, field: field)
        return [0x60] + bigEndian8(value) + idBytes
    }

    private static func parseMPTValue(_ text: String, field: String) throws -> UInt64 {
        if text.hasPrefix("0x") || text.hasPrefix("0X") {
            let hex = text.dropFirst(2)
            guard !hex.isEmpty, hex.utf8.count <= 16, let v = UInt64(hex, radix: 16) else {
                throw XRPLError.invalidField(field: field, reason: "MPT value has a bad hex character")
            }
            guard v <= UInt64(Int64.max) else { throw XRPLError.invalidField(field: field, reason: "MPT hex value out of range") }
            return v
        }
        if text == "-0" { return 0 }
        if text.hasPrefix("-") { throw XRPLError.invalidField(field: field, reason: "MPT value is negative") }
        if text.contains(".") { throw XRPLError.invalidField(field: field, reason: "MPT value has a decimal point") }
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            throw XRPLError.invalidField(field: field, reason: "MPT value has a bad character")
        }
        guard text.utf8.count <= 19, let v = UInt64(text), v <= UInt64(Int64.max) else {
            throw XRPLError.invalidField(field: field, reason: "MPT value is too large")
        }
        return v
    }

    /// Decodes an amount at `offset`, returning the JSON and the number of bytes used.
    static func decode(_ b: UnsafeRawBufferPointer, at offset: Int, field: String) throws -> (JSONValue, Int) {
        guard offset + 8 <= b.count else { throw XRPLError.malformedBinary(field: field, reason: "truncated amount") }
        let raw = readUInt64(b, offset)
        if raw & 0x8000_0000_0000_0000 != 0 {
            guard offset + 48 <= b.count else { throw XRPLError.malformedBinary(field: field, reason: "truncated issued amount") }
            let value = try formatIOU(raw, field: field)
            let currency = CurrencyCodec.decode(b, at: offset + 8)
            let issuer = AddressCodec.encodeAccountID(Array(UnsafeRawBufferPointer(rebasing: b[(offset + 28)..<(offset + 48)])))
            return (.object(["value": .string(value), "currency": .string(currency), "issuer": .string(issuer)]), 48)
        }
        if raw & 0x2000_0000_0000_0000 != 0 {
            guard offset + 33 <= b.count else { throw XRPLError.malformedBinary(field: field, reason: "truncated MPT amount") }
            let first = b[offset]
            let value = readUInt64(b, offset + 1)
            let id = Hex.encode(UnsafeRawBufferPointer(rebasing: b[(offset + 9)..<(offset + 33)]))
            let text = (first & 0x40 == 0 && value != 0 ? "-" : "") + String(value)
            return (.object(["mpt_issuance_id": .string(id), "value": .string(text)]), 33)
        }
        let drops = raw & 0x3FFF_FFFF_FFFF_FFFF
        let positive = raw & 0x4000_0000_0000_0000 != 0
        return (.string((positive || drops == 0 ? "" : "-") + String(drops)), 8)
    }

    static func formatIOU(_ raw: UInt64, field: String) throws -> String {
        if raw == 0x8000_0000_0000_0000 { return "0" }
        let mantissa = raw & 0x003F_FFFF_FFFF_FFFF
        let exponent = Int((raw >> 54) & 0xFF) - 97
        let negative = raw & 0x4000_0000_0000_0000 == 0
        guard mantissa != 0 else { throw XRPLError.malformedBinary(field: field, reason: "non-canonical zero amount") }
        return DecimalValue(negative: negative, mantissa: mantissa, exponent: exponent).bigNumberString
    }

    @inline(__always)
    static func readUInt64(_ b: UnsafeRawBufferPointer, _ offset: Int) -> UInt64 {
        var v: UInt64 = 0
        for i in 0..<8 { v = v << 8 | UInt64(b[offset + i]) }
        return v
    }

    static func bigEndian8(_ v: UInt64) -> [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: v >> (56 - 8 * UInt64($0))) }
    }
}

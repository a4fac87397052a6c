import JSON

/// The 118-byte ledger header (xrpl.js `serializeLedgerHeader`, codec fixture `ledgerData`).
public enum LedgerHeaderCodec {
    private static let layout: [(String, Int)] = [
        ("ledger_index", 4), ("total_coins", 8), ("parent_hash", 32), ("transaction_hash", 32), ("account_hash", 32),
        ("parent_close_time", 4), ("close_time", 4), ("close_time_resolution", 1), ("close_flags", 1),
    ]

    /// Serializes a ledger header JSON object.
    /// - Throws: `XRPLError.invalidField` naming a missing or malformed member.
    public static func encode(_ json: JSONValue) throws -> [UInt8] {
        guard case .object(let o) = json else { throw XRPLError.invalidField(field: "ledger header", reason: "expected an object") }
        var out = [UInt8]()
        for (name, width) in layout {
            guard let value = o[name] else { throw XRPLError.invalidField(field: name, reason: "missing") }
            if width == 32 {
                out += try ScalarCodec.fixedHex(value, field: name, byteCount: 32)
            } else {
                let v: UInt64
                if name == "total_coins", case .string(let s) = value, let parsed = UInt64(s) { v = parsed } else {
                    v = try ScalarCodec.unsigned(value, field: name, max: width == 8 ? UInt64.max : (UInt64(1) << (8 * UInt64(width))) - 1)
                }
                out += (0..<width).map { UInt8(truncatingIfNeeded: v >> (8 * UInt64(width - 1 - $0))) }
            }
        }
        return out
    }

    /// Parses a serialized ledger header.
    /// - Throws: `XRPLError.malformedBinary` if the input is not exactly 118 bytes.
    public static func decode(_ bytes: [UInt8]) throws -> JSONValue {
        guard bytes.count == 118 else { throw XRPLError.malformedBinary(field: "ledger header", reason: "expected 118 bytes, got \(bytes.count)") }
        var o = [String: JSONValue]()
        var position = 0
        for (name, width) in layout {
            let slice = bytes[position..<(position + width)]
            position += width
            if width == 32 {
                o[name] = .string(Hex.encode(slice))
            } else {
                let v = slice.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
                o[name] = name == "total_coins" ? .string(String(v)) : .int(Int(v))
            }
        }
        return .object(o)
    }
}

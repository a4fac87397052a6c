import JSON

/// Integers, hashes and account IDs as JSON ⇄ bytes.
enum ScalarCodec {
    /// UInt64 fields written in base 10 in JSON (xrpl.js `UInt64` special-cases these MPT amount fields).
    static let base10UInt64Fields: Set<String> = [
        "MaximumAmount", "OutstandingAmount", "LockedAmount", "MPTAmount", "ConfidentialOutstandingAmount",
    ]

    static func width(of typeName: String) -> Int {
        switch typeName {
        case "Hash128": return 16
        case "Hash160": return 20
        case "Hash192": return 24
        case "UInt96": return 12
        case "Hash256": return 32
        case "Hash384", "UInt384": return 48
        default: return 64
        }
    }

    static func unsigned(_ value: JSONValue, field: String, max: UInt64) throws -> UInt64 {
        let parsed: UInt64?
        switch value {
        case .int(let n): parsed = UInt64(exactly: n)
        case .double(let n): parsed = UInt64(exactly: n)
        case .string(let s): parsed = UInt64(s)
        default: parsed = nil
        }
        guard let v = parsed, v <= max else {
            throw XRPLError.invalidField(field: field, reason: "expected an unsigned integer up to \(max)")
        }
        return v
    }

    static func signed(_ value: JSONValue, field: String, bits: Int) throws -> Int64 {
        let parsed: Int64?
        switch value {
        case .int(let n): parsed = Int64(n)
        case .double(let n): parsed = Int64(exactly: n)
        case .string(let s): parsed = Int64(s)
        default: parsed = nil
        }
        let limit = bits == 64 ? Int64.max : (Int64(1) << (bits - 1)) - 1
        guard let v = parsed, v <= limit, v >= -limit - 1 else {
            throw XRPLError.invalidField(field: field, reason: "expected a signed \(bits)-bit integer")
        }
        return v
    }

    static func uint64(_ value: JSONValue, field: String) throws -> UInt64 {
        if value.doubleValue != nil { return try unsigned(value, field: field, max: UInt64.max) }
        guard case .string(let s) = value, !s.isEmpty else {
            throw XRPLError.invalidField(field: field, reason: "expected a UInt64 string")
        }
        if base10UInt64Fields.contains(field) {
            guard let v = UInt64(s) else { throw XRPLError.invalidField(field: field, reason: "expected a base-10 UInt64 string") }
            return v
        }
        guard s.utf8.count <= 16, let v = UInt64(s, radix: 16) else {
            throw XRPLError.invalidField(field: field, reason: "expected up to 16 hex digits")
        }
        return v
    }

    static func fixedHex(_ value: JSONValue, field: String, byteCount: Int) throws -> [UInt8] {
        guard case .string(let hex) = value, hex.utf8.count == byteCount * 2, let b = try? Hex.decode(hex) else {
            throw XRPLError.invalidField(field: field, reason: "expected \(byteCount * 2) hex characters")
        }
        return b
    }

    static func accountID(_ address: String, field: String) throws -> [UInt8] {
        do { return try AddressCodec.decodeAccountID(address) } catch {
            throw XRPLError.invalidField(field: field, reason: "invalid classic address \(address)")
        }
    }
}

/// Replaces X-addresses in a JSON object by classic addresses plus tag fields (xrpl.js `removeXAddresses`).
enum XAddressFields {
    static func expand(_ members: inout [String: JSONValue]) throws {
        for (name, value) in members {
            guard case .string(let s) = value, let first = s.utf8.first, first == UInt8(ascii: "X") || first == UInt8(ascii: "T"),
                s.utf8.count > 40, let decoded = try? AddressCodec.decodeXAddress(s)
            else { continue }
            members[name] = .string(decoded.classicAddress)
            guard let tag = decoded.tag else { continue }
            let tagName: String
            switch name {
            case "Account": tagName = "SourceTag"
            case "Destination": tagName = "DestinationTag"
            default: throw XRPLError.invalidField(field: name, reason: "this field cannot carry an X-address tag")
            }
            if let existing = members[tagName], existing != .int(Int(tag)) {
                throw XRPLError.invalidField(field: tagName, reason: "conflicts with the tag inside the X-address of \(name)")
            }
            members[tagName] = .int(Int(tag))
        }
    }
}

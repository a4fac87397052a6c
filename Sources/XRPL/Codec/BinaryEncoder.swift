import JSON

/// Writes JSON values as canonical binary.
struct BinaryEncoder {
    let definitions: Definitions
    let signingOnly: Bool
    var bytes: [UInt8] = []

    init(definitions: Definitions, signingOnly: Bool) {
        self.definitions = definitions
        self.signingOnly = signingOnly
        bytes.reserveCapacity(512)
    }

    /// Writes the members of an object in canonical order; nested objects end with `E1`.
    mutating func writeObject(_ json: JSONValue, fieldName: String, nested: Bool) throws {
        guard case .object(var members) = json else {
            throw XRPLError.invalidField(field: fieldName, reason: "expected a JSON object")
        }
        try XAddressFields.expand(&members)
        var fields = [(FieldInfo, JSONValue)]()
        fields.reserveCapacity(members.count)
        for (name, value) in members {
            guard let field = definitions.fieldsByName[name] else { throw XRPLError.unknownField(name) }
            guard field.isSerialized else { continue }
            if signingOnly && !field.isSigningField { continue }
            fields.append((field, value))
        }
        fields.sort { $0.0.ordinal < $1.0.ordinal }
        for (field, value) in fields {
            try writeField(field, value)
        }
        if nested { bytes.append(0xE1) }
    }

    private mutating func writeField(_ field: FieldInfo, _ value: JSONValue) throws {
        guard !field.header.isEmpty else { throw XRPLError.invalidField(field: field.name, reason: "field cannot be serialized") }
        bytes += field.header
        if field.isVLEncoded {
            let body = try encodeValue(field, value)
            try writeLength(body.count, field: field.name)
            bytes += body
        } else {
            switch field.kind {
            case .object:
                try writeObject(value, fieldName: field.name, nested: true)
            case .array:
                try writeArray(field, value)
            default:
                bytes += try encodeValue(field, value)
            }
        }
    }

    private mutating func writeArray(_ field: FieldInfo, _ value: JSONValue) throws {
        guard case .array(let elements) = value else {
            throw XRPLError.invalidField(field: field.name, reason: "expected an array of one-key objects")
        }
        for element in elements {
            guard case .object(let wrapper) = element, wrapper.count == 1, let (name, inner) = wrapper.first else {
                throw XRPLError.invalidField(field: field.name, reason: "each element must be a one-key object such as {\"Memo\": {…}}")
            }
            guard let innerField = definitions.fieldsByName[name] else { throw XRPLError.unknownField(name) }
            guard innerField.kind == .object else {
                throw XRPLError.invalidField(field: field.name, reason: "element \(name) is not an object field")
            }
            bytes += innerField.header
            try writeObject(inner, fieldName: name, nested: true)
        }
        bytes.append(0xF1)
    }

    /// VL length prefix (xrpl.org Binary Format, "Length Prefixing").
    mutating func writeLength(_ length: Int, field: String) throws {
        switch length {
        case 0...192:
            bytes.append(UInt8(length))
        case 193...12480:
            let n = length - 193
            bytes += [UInt8(193 + n >> 8), UInt8(n & 0xFF)]
        case 12481...918_744:
            let n = length - 12481
            bytes += [UInt8(241 + n >> 16), UInt8((n >> 8) & 0xFF), UInt8(n & 0xFF)]
        default:
            throw XRPLError.invalidField(field: field, reason: "length \(length) exceeds 918744 bytes")
        }
    }

    private func encodeValue(_ field: FieldInfo, _ value: JSONValue) throws -> [UInt8] {
        let name = field.name
        switch field.kind {
        case .uint8:
            if field.special == .transactionResult, case .string(let s) = value {
                guard let code = definitions.transactionResults[s] else { throw XRPLError.invalidField(field: name, reason: "unknown result \(s)") }
                return [UInt8(truncatingIfNeeded: code)]
            }
            return bigEndian(try ScalarCodec.unsigned(value, field: name, max: UInt64(UInt8.max)), width: 1)
        case .uint16:
            if case .string(let s) = value {
                let table = field.special == .ledgerEntryType ? definitions.ledgerEntryTypes : definitions.transactionTypes
                if let code = table[s] { return bigEndian(UInt64(code), width: 2) }
                if field.special == .transactionType || field.special == .ledgerEntryType {
                    throw XRPLError.invalidField(field: name, reason: "unknown type name \(s)")
                }
            }
            return bigEndian(try ScalarCodec.unsigned(value, field: name, max: UInt64(UInt16.max)), width: 2)
        case .uint32:
            if field.special == .permissionValue, case .string(let s) = value, let code = definitions.permissionValues[s] {
                return bigEndian(UInt64(code), width: 4)
            }
            return bigEndian(try ScalarCodec.unsigned(value, field: name, max: UInt64(UInt32.max)), width: 4)
        case .uint64:
            return bigEndian(try ScalarCodec.uint64(value, field: name), width: 8)
        case .int32:
            return bigEndian(UInt64(bitPattern: try ScalarCodec.signed(value, field: name, bits: 32)), width: 4)
        case .int64:
            return bigEndian(UInt64(bitPattern: try ScalarCodec.signed(value, field: name, bits: 64)), width: 8)
        case .fixed(let width):
            return try ScalarCodec.fixedHex(value, field: name, byteCount: width)
        case .blob:
            guard case .string(let hex) = value, let b = try? Hex.decode(hex) else {
                throw XRPLError.invalidField(field: name, reason: "expected a hex string")
            }
            return b
        case .accountID:
            guard case .string(let address) = value else { throw XRPLError.invalidField(field: name, reason: "expected an address string") }
            return try ScalarCodec.accountID(address, field: name)
        case .amount:
            return try AmountCodec.encode(value, field: name)
        case .currency:
            guard case .string(let code) = value else { throw XRPLError.invalidField(field: name, reason: "expected a currency code") }
            return try CurrencyCodec.encode(code, field: name)
        case .issue:
            return try IssueCodec.encode(value, field: name)
        case .bridge:
            return try IssueCodec.encodeBridge(value, field: name)
        case .pathSet:
            return try PathSetCodec.encode(value, field: name)
        case .vector256:
            guard case .array(let items) = value else { throw XRPLError.invalidField(field: name, reason: "expected an array of hashes") }
            var out = [UInt8]()
            for item in items { out += try ScalarCodec.fixedHex(item, field: name, byteCount: 32) }
            return out
        case .number:
            return try NumberCodec.encode(value, field: name)
        case .object, .array, .unsupported:
            throw XRPLError.invalidField(field: name, reason: "type \(field.typeName) is not supported here")
        }
    }

    private func bigEndian(_ value: UInt64, width: Int) -> [UInt8] {
        (0..<width).map { UInt8(truncatingIfNeeded: value >> (8 * UInt64(width - 1 - $0))) }
    }
}

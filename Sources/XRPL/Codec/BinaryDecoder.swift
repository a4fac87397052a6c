import JSON

/// Reads canonical binary into JSON values.
struct BinaryDecoder {
    let definitions: Definitions
    let buffer: UnsafeRawBufferPointer
    var position = 0
    private var depth = 0

    init(definitions: Definitions, buffer: UnsafeRawBufferPointer) {
        self.definitions = definitions
        self.buffer = buffer
    }

    /// Reads fields until `E1` (nested) or the end of input (top level).
    mutating func readObject(nested: Bool, fieldName: String) throws -> JSONValue {
        depth += 1
        defer { depth -= 1 }
        guard depth < 64 else { throw XRPLError.malformedBinary(field: fieldName, reason: "objects nested deeper than 64 levels") }
        var members = [String: JSONValue](minimumCapacity: 16)
        while true {
            if position >= buffer.count {
                if nested { throw XRPLError.malformedBinary(field: fieldName, reason: "object ended without E1 marker") }
                break
            }
            let (typeCode, nth) = try readFieldHeader(context: fieldName)
            if typeCode == 14 && nth == 1 {
                guard nested else { throw XRPLError.malformedBinary(field: fieldName, reason: "unexpected end-of-object marker") }
                break
            }
            guard let field = definitions.field(typeCode: typeCode, nth: nth) else {
                throw XRPLError.malformedBinary(field: fieldName, reason: "unknown field type \(typeCode) code \(nth) at offset \(position)")
            }
            members[field.name] = try readValue(field)
        }
        return .object(members)
    }

    private mutating func readFieldHeader(context: String) throws -> (Int, Int) {
        let first = try byte(context)
        var typeCode = Int(first >> 4)
        var nth = Int(first & 0x0F)
        if typeCode == 0 {
            typeCode = Int(try byte(context))
            guard typeCode >= 16 else { throw XRPLError.malformedBinary(field: context, reason: "non-canonical field header") }
        }
        if nth == 0 {
            nth = Int(try byte(context))
            guard nth >= 16 else { throw XRPLError.malformedBinary(field: context, reason: "non-canonical field header") }
        }
        return (typeCode, nth)
    }

    @inline(__always)
    private mutating func byte(_ field: String) throws -> UInt8 {
        guard position < buffer.count else { throw XRPLError.malformedBinary(field: field, reason: "unexpected end of input") }
        defer { position += 1 }
        return buffer[position]
    }

    private mutating func readLength(_ field: String) throws -> Int {
        let b1 = Int(try byte(field))
        switch b1 {
        case 0...192: return b1
        case 193...240: return 193 + (b1 - 193) * 256 + Int(try byte(field))
        case 241...254:
            let b2 = Int(try byte(field))
            let b3 = Int(try byte(field))
            return 12481 + (b1 - 241) * 65536 + b2 * 256 + b3
        default: throw XRPLError.malformedBinary(field: field, reason: "invalid length prefix \(b1)")
        }
    }

    private mutating func take(_ count: Int, _ field: String) throws -> UnsafeRawBufferPointer {
        guard count >= 0, position + count <= buffer.count else {
            throw XRPLError.malformedBinary(field: field, reason: "needs \(count) bytes, \(buffer.count - position) left")
        }
        defer { position += count }
        return UnsafeRawBufferPointer(rebasing: buffer[position..<(position + count)])
    }

    private mutating func unsigned(_ width: Int, _ field: String) throws -> UInt64 {
        let bytes = try take(width, field)
        var v: UInt64 = 0
        for b in bytes { v = v << 8 | UInt64(b) }
        return v
    }

    private mutating func readValue(_ field: FieldInfo) throws -> JSONValue {
        let name = field.name
        if field.isVLEncoded {
            let length = try readLength(name)
            let body = try take(length, name)
            switch field.kind {
            case .accountID:
                guard length == 20 || length == 0 else { throw XRPLError.malformedBinary(field: name, reason: "account ID of \(length) bytes") }
                return .string(length == 0 ? "" : AddressCodec.encodeAccountID(Array(body)))
            case .vector256:
                guard length % 32 == 0 else { throw XRPLError.malformedBinary(field: name, reason: "Vector256 length \(length) not a multiple of 32") }
                return .array(stride(from: 0, to: length, by: 32).map { .string(Hex.encode(UnsafeRawBufferPointer(rebasing: body[$0..<($0 + 32)]))) })
            default:
                return .string(Hex.encode(body))
            }
        }
        switch field.kind {
        case .uint8:
            let v = Int(try unsigned(1, name))
            if field.special == .transactionResult, let result = definitions.transactionResultNames[v] { return .string(result) }
            return .int(Int(v))
        case .uint16:
            let v = Int(try unsigned(2, name))
            if field.special == .transactionType, let t = definitions.transactionTypeNames[v] { return .string(t) }
            if field.special == .ledgerEntryType, let t = definitions.ledgerEntryTypeNames[v] { return .string(t) }
            return .int(Int(v))
        case .uint32:
            let v = Int(try unsigned(4, name))
            if field.special == .permissionValue, let p = definitions.permissionNames[v] { return .string(p) }
            return .int(Int(v))
        case .uint64:
            let v = try unsigned(8, name)
            if field.special == .base10UInt64 { return .string(String(v)) }
            let hex = String(v, radix: 16, uppercase: true)
            return .string(String(repeating: "0", count: 16 - hex.utf8.count) + hex)
        case .int32:
            return .int(Int(Int32(truncatingIfNeeded: try unsigned(4, name))))
        case .int64:
            return .string(String(Int64(bitPattern: try unsigned(8, name))))
        case .fixed(let width):
            return .string(Hex.encode(try take(width, name)))
        case .currency:
            let bytes = try take(20, name)
            return .string(CurrencyCodec.decode(bytes, at: 0))
        case .amount:
            return try readWith { try AmountCodec.decode($0, at: $1, field: name) }
        case .issue:
            return try readWith { try IssueCodec.decode($0, at: $1, field: name) }
        case .bridge:
            return try readWith { try IssueCodec.decodeBridge($0, at: $1, field: name) }
        case .pathSet:
            return try readWith { try PathSetCodec.decode($0, at: $1, field: name) }
        case .number:
            let text = try NumberCodec.decode(buffer, at: position, field: name)
            position += 12
            return .string(text)
        case .object:
            return try readObject(nested: true, fieldName: name)
        case .array:
            return try readArray(name)
        case .blob, .accountID, .vector256, .unsupported:
            throw XRPLError.malformedBinary(field: name, reason: "type \(field.typeName) is not supported without a length prefix")
        }
    }

    private mutating func readWith(_ body: (UnsafeRawBufferPointer, Int) throws -> (JSONValue, Int)) throws -> JSONValue {
        let (value, used) = try body(buffer, position)
        position += used
        return value
    }

    private mutating func readArray(_ name: String) throws -> JSONValue {
        var elements = [JSONValue]()
        while true {
            let (typeCode, nth) = try readFieldHeader(context: name)
            if typeCode == 15 && nth == 1 { break }
            guard let inner = definitions.field(typeCode: typeCode, nth: nth), inner.kind == .object else {
                throw XRPLError.malformedBinary(field: name, reason: "array element is not an object field (type \(typeCode) code \(nth))")
            }
            elements.append(.object([inner.name: try readObject(nested: true, fieldName: inner.name)]))
        }
        return .array(elements)
    }
}

import Foundation

/// A JSON value as the codec and the JSON-RPC client see it.
public enum LedgerJSON: Sendable, Equatable, Codable {
    /// A string.
    case string(String)
    /// A number (integers up to 2^53 are exact).
    case number(Double)
    /// `true` or `false`.
    case bool(Bool)
    /// `null`.
    case null
    /// An array.
    case array([LedgerJSON])
    /// An object.
    case object([String: LedgerJSON])

    /// Decodes any JSON value.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let b = try? container.decode(Bool.self) {
            self = .bool(b)
        } else if let n = try? container.decode(Double.self) {
            self = .number(n)
        } else if let s = try? container.decode(String.self) {
            self = .string(s)
        } else if let a = try? container.decode([LedgerJSON].self) {
            self = .array(a)
        } else {
            self = .object(try container.decode([String: LedgerJSON].self))
        }
    }

    /// Encodes the value; integral numbers are written without a fraction.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let s): try container.encode(s)
        case .number(let n):
            if let i = Int64(exactly: n) { try container.encode(i) } else { try container.encode(n) }
        case .bool(let b): try container.encode(b)
        case .null: try container.encodeNil()
        case .array(let a): try container.encode(a)
        case .object(let o): try container.encode(o)
        }
    }

    /// Parses UTF-8 JSON text.
    /// - Throws: `XRPLError.invalidField` naming `json` when the text is not JSON.
    public static func parse(_ bytes: [UInt8]) throws -> LedgerJSON {
        do {
            return try JSONDecoder().decode(LedgerJSON.self, from: Data(bytes))
        } catch {
            throw XRPLError.invalidField(field: "json", reason: "not valid JSON (\(error))")
        }
    }

    /// Compact JSON text with sorted keys.
    public func serialized() -> [UInt8] {
        var out = [UInt8]()
        write(to: &out)
        return out
    }

    /// Compact JSON text with sorted keys, as a string.
    public var jsonString: String { String(decoding: serialized(), as: UTF8.self) }

    private func write(to out: inout [UInt8]) {
        switch self {
        case .string(let s): Self.writeString(s, to: &out)
        case .number(let n):
            if let i = Int64(exactly: n) { out += Array(String(i).utf8) } else if n.isFinite { out += Array("\(n)".utf8) } else { out += Array("null".utf8) }
        case .bool(let b): out += Array((b ? "true" : "false").utf8)
        case .null: out += Array("null".utf8)
        case .array(let a):
            out.append(UInt8(ascii: "["))
            for (i, v) in a.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                v.write(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let o):
            out.append(UInt8(ascii: "{"))
            for (i, key) in o.keys.sorted().enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                Self.writeString(key, to: &out)
                out.append(UInt8(ascii: ":"))
                o[key]?.write(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func writeString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for c in s.utf8 {
            switch c {
            case UInt8(ascii: "\""): out += [0x5C, 0x22]
            case UInt8(ascii: "\\"): out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, UInt8(ascii: "n")]
            case 0x0D: out += [0x5C, UInt8(ascii: "r")]
            case 0x09: out += [0x5C, UInt8(ascii: "t")]
            case 0x08: out += [0x5C, UInt8(ascii: "b")]
            case 0x0C: out += [0x5C, UInt8(ascii: "f")]
            case 0..<0x20:
                out += Array("\\u00".utf8)
                let digits = Array("0123456789abcdef".utf8)
                out.append(digits[Int(c >> 4)])
                out.append(digits[Int(c & 0xF)])
            default: out.append(c)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

extension LedgerJSON {
    /// The member `key` of an object; nil for other values or a missing key.
    public subscript(key: String) -> LedgerJSON? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    /// The members of an object, or nil.
    public var objectValue: [String: LedgerJSON]? {
        if case .object(let o) = self { return o }
        return nil
    }

    /// The string, or nil.
    public var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The number, or nil.
    public var number: Double? {
        if case .number(let n) = self { return n }
        return nil
    }
}

import Foundation

/// A JSON value the emulator builds responses and webhook bodies from, and reads request bodies into.
public enum EmulatorJSON: Codable, Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByNilLiteral, ExpressibleByDictionaryLiteral, ExpressibleByArrayLiteral
{
    /// `null`.
    case null
    /// `true` / `false`.
    case bool(Bool)
    /// An integer.
    case int(Int)
    /// A non-integer number.
    case double(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([EmulatorJSON])
    /// An object.
    case object([String: EmulatorJSON])

    /// A string literal.
    public init(stringLiteral value: String) { self = .string(value) }
    /// An integer literal.
    public init(integerLiteral value: Int) { self = .int(value) }
    /// A boolean literal.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// `nil` as JSON null.
    public init(nilLiteral: ()) { self = .null }
    /// An object literal.
    public init(dictionaryLiteral elements: (String, EmulatorJSON)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
    /// An array literal.
    public init(arrayLiteral elements: EmulatorJSON...) { self = .array(elements) }

    /// A string or null.
    public static func optional(_ value: String?) -> EmulatorJSON { value.map { .string($0) } ?? .null }

    /// Decodes any JSON.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([EmulatorJSON].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: EmulatorJSON].self))
        }
    }

    /// Encodes the value.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// The member of an object, else nil.
    public subscript(key: String) -> EmulatorJSON? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// The string value, else nil.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The integer value, else nil.
    public var intValue: Int? {
        if case .int(let value) = self { return value }
        return nil
    }

    /// The boolean value, else nil.
    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The elements of an array, else nil.
    public var arrayValue: [EmulatorJSON]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// Returns the object with `key` set (no-op for non-objects).
    public func setting(_ key: String, to value: EmulatorJSON) -> EmulatorJSON {
        guard case .object(var members) = self else { return self }
        members[key] = value
        return .object(members)
    }

    /// Compact JSON bytes with sorted keys.
    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)) ?? Data("null".utf8)
    }

    /// Parses JSON bytes; nil when they are not JSON.
    public static func decode(_ data: Data) -> EmulatorJSON? {
        try? JSONDecoder().decode(EmulatorJSON.self, from: data)
    }
}

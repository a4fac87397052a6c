import Foundation

/// A JSON document kept exactly as received: numbers stay as their literal text, so nothing passes through
/// binary floating point and canonical digests (§4.5) reproduce byte for byte.
public enum LiteralJSON: Hashable, Sendable {
    /// `null`.
    case null
    /// `true` / `false`.
    case bool(Bool)
    /// A number, as its JSON literal text (e.g. `"3"`, `"1.5"`, `"1e+21"`).
    case number(String)
    /// A string.
    case string(String)
    /// An array, in order.
    case array([LiteralJSON])
    /// An object; key order is not significant.
    case object([String: LiteralJSON])

    /// An integer number value.
    public static func int(_ value: Int) -> LiteralJSON { .number(String(value)) }

    /// The member `key` of an object, or `nil` (also for non-objects).
    public subscript(key: String) -> LiteralJSON? {
        guard case .object(let members) = self else { return nil }
        return members[key]
    }

    /// The string value, or `nil`.
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The boolean value, or `nil`.
    public var boolValue: Bool? {
        if case .bool(let flag) = self { return flag }
        return nil
    }

    /// The number literal text, or `nil`.
    public var numberText: String? {
        if case .number(let text) = self { return text }
        return nil
    }

    /// The value as an `Int` when it is an integral number literal within range.
    public var intValue: Int? {
        guard let text = numberText else { return nil }
        if let exact = Int(text) { return exact }
        guard let real = Double(text), real.rounded() == real, abs(real) < 9.0e15 else { return nil }
        return Int(real)
    }

    /// The array elements, or `nil`.
    public var arrayValue: [LiteralJSON]? {
        if case .array(let items) = self { return items }
        return nil
    }

    /// The object members, or `nil`.
    public var objectValue: [String: LiteralJSON]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// Whether this is `null`.
    public var isNull: Bool { self == .null }

    /// A copy of an object with `key` set to `value` (a no-op for non-objects).
    public func setting(_ key: String, to value: LiteralJSON) -> LiteralJSON {
        guard case .object(var members) = self else { return self }
        members[key] = value
        return .object(members)
    }

    /// A copy of an object without `key` (a no-op for non-objects).
    public func removing(_ key: String) -> LiteralJSON {
        guard case .object(var members) = self else { return self }
        members.removeValue(forKey: key)
        return .object(members)
    }

    /// Compact JSON bytes with sorted keys (the canonical form of §4.5).
    public func encoded() -> Data { Data(CanonicalJSON.string(of: self).utf8) }

    /// Parses JSON bytes strictly.
    /// - Throws: ``JSONParseError`` naming what is wrong and where.
    public static func parse(_ data: Data, maximumDepth: Int = 64) throws -> LiteralJSON {
        var parser = JSONParser(bytes: [UInt8](data), maximumDepth: maximumDepth)
        return try parser.parseDocument()
    }
}

extension LiteralJSON: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .number(String(value)) }
    public init(arrayLiteral elements: LiteralJSON...) { self = .array(elements) }
    public init(nilLiteral: ()) { self = .null }
    public init(dictionaryLiteral elements: (String, LiteralJSON)...) {
        var members: [String: LiteralJSON] = [:]
        for (key, value) in elements { members[key] = value }
        self = .object(members)
    }
}

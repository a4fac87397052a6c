/// Why bytes are not an acceptable JSON document.
public enum JSONParseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The document ends in the middle of a value (a cut-off response).
    case truncated
    /// A byte that cannot start or continue a value at this offset.
    case unexpectedByte(offset: Int, byte: UInt8)
    /// Nesting deeper than the parser accepts.
    case tooDeep(limit: Int)
    /// A string with a bad escape or invalid UTF-8 at this offset.
    case invalidString(offset: Int)
    /// A number literal that is not valid JSON.
    case invalidNumber(offset: Int)
    /// Non-whitespace after the end of the document.
    case trailingData(offset: Int)
    /// An empty document.
    case empty

    public var description: String {
        switch self {
        case .truncated: return "The JSON ends too early (the response was cut off); retry later."
        case .unexpectedByte(let offset, let byte):
            return "Unexpected byte 0x\(String(byte, radix: 16)) at offset \(offset); the answer is not JSON."
        case .tooDeep(let limit): return "The JSON nests deeper than \(limit) levels; refusing to read it."
        case .invalidString(let offset): return "Invalid JSON string at offset \(offset) (bad escape or UTF-8)."
        case .invalidNumber(let offset): return "Invalid JSON number at offset \(offset)."
        case .trailingData(let offset): return "Extra data after the JSON document at offset \(offset)."
        case .empty: return "The body is empty where JSON was expected."
        }
    }
}

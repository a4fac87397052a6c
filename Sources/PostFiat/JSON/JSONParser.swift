/// A strict RFC 8259 parser producing ``LiteralJSON`` with number literals kept verbatim.
struct JSONParser {
    private let bytes: [UInt8]
    private let maximumDepth: Int
    private var index = 0

    init(bytes: [UInt8], maximumDepth: Int) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
    }

    mutating func parseDocument() throws -> LiteralJSON {
        skipWhitespace()
        guard index < bytes.count else { throw JSONParseError.empty }
        let value = try parseValue(depth: 0)
        skipWhitespace()
        guard index == bytes.count else { throw JSONParseError.trailingData(offset: index) }
        return value
    }

    private mutating func skipWhitespace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    private func peek() throws -> UInt8 {
        guard index < bytes.count else { throw JSONParseError.truncated }
        return bytes[index]
    }

    private mutating func parseValue(depth: Int) throws -> LiteralJSON {
        guard depth <= maximumDepth else { throw JSONParseError.tooDeep(limit: maximumDepth) }
        let byte = try peek()
        switch byte {
        case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
        case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw JSONParseError.unexpectedByte(offset: index, byte: byte)
        }
    }

    private mutating func expectLiteral(_ literal: String) throws {
        for expected in literal.utf8 {
            let byte = try peek()
            guard byte == expected else { throw JSONParseError.unexpectedByte(offset: index, byte: byte) }
            index += 1
        }
    }

    private mutating func parseObject(depth: Int) throws -> LiteralJSON {
        index += 1
        var members: [String: LiteralJSON] = [:]
        skipWhitespace()
        if try peek() == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            let byte = try peek()
            guard byte == UInt8(ascii: "\"") else { throw JSONParseError.unexpectedByte(offset: index, byte: byte) }
            let key = try parseString()
            skipWhitespace()
            let colon = try peek()
            guard colon == UInt8(ascii: ":") else { throw JSONParseError.unexpectedByte(offset: index, byte: colon) }
            index += 1
            skipWhitespace()
            members[key] = try parseValue(depth: depth)
            skipWhitespace()
            let next = try peek()
            index += 1
            if next == UInt8(ascii: "}") { return .object(members) }
            guard next == UInt8(ascii: ",") else { throw JSONParseError.unexpectedByte(offset: index - 1, byte: next) }
        }
    }

    private mutating func parseArray(depth: Int) throws -> LiteralJSON {
        index += 1
        var items: [LiteralJSON] = []
        skipWhitespace()
        if try peek() == UInt8(ascii: "]") {
            index += 1
            return .array(items)
        }
        while true {
            skipWhitespace()
            items.append(try parseValue(depth: depth))
            skipWhitespace()
            let next = try peek()
            index += 1
            if next == UInt8(ascii: "]") { return .array(items) }
            guard next == UInt8(ascii: ",") else { throw JSONParseError.unexpectedByte(offset: index - 1, byte: next) }
        }
    }

    private mutating func parseNumber() throws -> String {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        let intStart = index
        try consumeDigits(start: start)
        if bytes[intStart] == UInt8(ascii: "0"), index - intStart > 1 { throw JSONParseError.invalidNumber(offset: start) }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            try consumeDigits(start: start)
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            try consumeDigits(start: start)
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func consumeDigits(start: Int) throws {
        let digitsStart = index
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
        guard index > digitsStart else {
            if index >= bytes.count { throw JSONParseError.truncated }
            throw JSONParseError.invalidNumber(offset: start)
        }
    }

    private mutating func parseString() throws -> String {
        let start = index
        index += 1
        var scalars = String.UnicodeScalarView()
        var raw: [UInt8] = []
        func flush() throws {
            guard !raw.isEmpty else { return }
            guard let text = String(validating: raw, as: UTF8.self) else { throw JSONParseError.invalidString(offset: start) }
            scalars.append(contentsOf: text.unicodeScalars)
            raw.removeAll(keepingCapacity: true)
        }
        while true {
            let byte = try peek()
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                try flush()
                return String(scalars)
            case UInt8(ascii: "\\"):
                try flush()
                scalars.append(try parseEscape(stringStart: start))
            case 0x00..<0x20:
                throw JSONParseError.invalidString(offset: index - 1)
            default:
                raw.append(byte)
            }
        }
    }

    private mutating func parseEscape(stringStart: Int) throws -> Unicode.Scalar {
        let byte = try peek()
        index += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let high = try parseHex4()
            if (0xD800..<0xDC00).contains(high) {
                guard try peek() == UInt8(ascii: "\\") else { throw JSONParseError.invalidString(offset: stringStart) }
                index += 1
                guard try peek() == UInt8(ascii: "u") else { throw JSONParseError.invalidString(offset: stringStart) }
                index += 1
                let low = try parseHex4()
                guard (0xDC00..<0xE000).contains(low),
                    let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
                else { throw JSONParseError.invalidString(offset: stringStart) }
                return scalar
            }
            guard let scalar = Unicode.Scalar(high) else { throw JSONParseError.invalidString(offset: stringStart) }
            return scalar
        default:
            throw JSONParseError.invalidString(offset: index - 1)
        }
    }

    private mutating func parseHex4() throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = try peek()
            index += 1
            guard let digit = hexDigit(byte) else { throw JSONParseError.invalidString(offset: index - 1) }
            value = value << 4 | digit
        }
        return value
    }

    private func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }
}

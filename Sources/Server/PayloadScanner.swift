import Foundation

/// What the ingress reads of a webhook body before storing it, in one pass over the bytes without building
/// anything: that it is one JSON object (balanced brackets, closed strings, nothing after the closing brace) and
/// the top-level `action` when that is a string without escapes (GitHub's actions are plain words).
///
/// It is a structural check, not a full JSON validation (control characters inside strings, numbers and literals
/// are not checked): the body arrives signed by GitHub, and the worker that
/// processes the delivery decodes it fully (an undecodable one becomes a dead letter with the decoder's error).
/// The scan exists so the 202 path stays cheap: decoding a 30 KB payload with `JSONDecoder` costs more than
/// verifying its signature and storing it together.
enum PayloadScanner {
    /// The body is not one JSON object.
    struct NotAnObject: Error {}

    /// - Returns: the top-level `action` string, or `nil` when there is none or it is not a string.
    /// - Throws: ``NotAnObject``.
    static func action(in body: UnsafeRawBufferPointer) throws(NotAnObject) -> String? {
        var scanner = Scanner(bytes: body)
        return try scanner.scanObject()
    }

    private struct Scanner {
        let bytes: UnsafeRawBufferPointer
        var index = 0

        init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

        mutating func scanObject() throws(NotAnObject) -> String? {
            skipWhitespace()
            guard next() == UInt8(ascii: "{") else { throw NotAnObject() }
            // Open brackets, innermost last; the object's own brace is first.
            var open: [UInt8] = [UInt8(ascii: "}")]
            var action: String?
            // At depth 1: true while the next string is a key.
            var expectingKey = true
            var lastKeyWasAction = false
            while let closing = open.last {
                let depth = open.count
                guard let byte = next() else { throw NotAnObject() }
                switch byte {
                case UInt8(ascii: "\""):
                    let start = index
                    let hasEscapes = try skipString()
                    guard depth == 1 else { continue }
                    let content = UnsafeRawBufferPointer(rebasing: bytes[start..<(index - 1)])
                    if expectingKey {
                        lastKeyWasAction = !hasEscapes && content.elementsEqual("action".utf8)
                        expectingKey = false
                    } else if lastKeyWasAction, action == nil {
                        action = hasEscapes ? nil : String(decoding: content, as: UTF8.self)
                    }
                case UInt8(ascii: "{"):
                    open.append(UInt8(ascii: "}"))
                case UInt8(ascii: "["):
                    open.append(UInt8(ascii: "]"))
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    guard byte == closing else { throw NotAnObject() }
                    open.removeLast()
                case UInt8(ascii: ","):
                    if depth == 1 {
                        expectingKey = true
                        lastKeyWasAction = false
                    }
                default:
                    continue
                }
            }
            skipWhitespace()
            guard index == bytes.count else { throw NotAnObject() }
            return action
        }

        /// Moves past a string whose opening quote was read, jumping from quote to quote with `memchr`.
        /// - Returns: whether it holds a backslash escape.
        mutating func skipString() throws(NotAnObject) -> Bool {
            guard let base = bytes.baseAddress else { throw NotAnObject() }
            let start = index
            while index < bytes.count {
                guard let found = memchr(base + index, Int32(UInt8(ascii: "\"")), bytes.count - index) else { throw NotAnObject() }
                let quote = base.distance(to: UnsafeRawPointer(found))
                var backslashes = 0
                while quote - backslashes - 1 >= start, bytes[quote - backslashes - 1] == UInt8(ascii: "\\") { backslashes += 1 }
                index = quote + 1
                if backslashes % 2 == 0 {
                    return memchr(base + start, Int32(UInt8(ascii: "\\")), quote - start) != nil
                }
            }
            throw NotAnObject()
        }

        mutating func skipWhitespace() {
            while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
        }

        mutating func next() -> UInt8? {
            guard index < bytes.count else { return nil }
            defer { index += 1 }
            return bytes[index]
        }
    }
}

/// Finds the first line that opens more nested quotes and list items than a document needs. The cmark-gfm that
/// Debian ships takes time proportional to the nesting times the line's length for some lines (50,000 `>` before a
/// line of 50,000 `[` take seconds), so a document is read only up to such a line.
enum NestingScan {
    /// The most quote and list markers one line may open.
    static let maximumDepth = 32

    /// The byte offset of the first line opening more than `maximumDepth` quotes and list items, if any.
    static func firstTooDeepLine(in bytes: [UInt8]) -> Int? {
        var lineStart = 0
        while lineStart < bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            if depth(of: bytes[lineStart..<lineEnd]) > maximumDepth { return lineStart }
            lineStart = lineEnd + 1
        }
        return nil
    }

    /// How many `>`, `-`/`*`/`+` and `1.`/`1)` markers start the line, spaces between them allowed.
    private static func depth(of line: ArraySlice<UInt8>) -> Int {
        var depth = 0
        var index = line.startIndex
        func isSpace(_ at: Int) -> Bool { at < line.endIndex && (line[at] == UInt8(ascii: " ") || line[at] == UInt8(ascii: "\t")) }
        while depth <= maximumDepth {
            while isSpace(index) { index += 1 }
            guard index < line.endIndex else { break }
            let byte = line[index]
            if byte == UInt8(ascii: ">") {
                index += 1
            } else if [UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+")].contains(byte), isSpace(index + 1) {
                index += 1
            } else if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                var end = index
                while end < line.endIndex, end - index < 9, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(line[end]) { end += 1 }
                guard end < line.endIndex, line[end] == UInt8(ascii: ".") || line[end] == UInt8(ascii: ")"), isSpace(end + 1) else { break }
                index = end + 1
            } else {
                break
            }
            depth += 1
        }
        return depth
    }
}

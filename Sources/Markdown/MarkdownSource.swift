/// The bytes a document was parsed from, addressed the way cmark reports positions: 1-based lines and byte columns.
struct MarkdownSource: Sendable {
    let bytes: [UInt8]
    private let lineStarts: [Int]

    init(bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
        lineStarts = starts
    }

    /// The bytes of a 1-based line, without its line break; empty past the end.
    func line(_ number: Int) -> ArraySlice<UInt8> {
        guard number >= 1, number <= lineStarts.count else { return [] }
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return bytes[start..<max(start, end)]
    }

    /// The byte at a 1-based line and column, if there is one.
    func byte(line number: Int, column: Int) -> UInt8? {
        let line = line(number)
        let index = line.startIndex + column - 1
        return column >= 1 && index < line.endIndex ? line[index] : nil
    }
}

/// Reads all of standard input.
enum StandardInput {
    static func readAll() -> [UInt8] {
        var bytes = [UInt8]()
        while let line = readLine(strippingNewline: false) { bytes += Array(line.utf8) }
        return bytes
    }
}

extension String {
    func trimmingWhitespaceAndNewlines() -> String {
        String(String(self.drop(while: \.isWhitespace).reversed()).drop(while: \.isWhitespace).reversed())
    }
}

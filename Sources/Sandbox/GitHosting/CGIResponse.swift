import Foundation

/// The output of a CGI program split into status, headers and body (RFC 3875 §6).
struct CGIResponse: Equatable {
    /// The HTTP status from the `Status:` header, 200 when absent.
    let status: Int
    /// The other headers, in order.
    let headers: [(name: String, value: String)]
    /// The bytes after the blank line.
    let body: Data

    static func == (lhs: CGIResponse, rhs: CGIResponse) -> Bool {
        lhs.status == rhs.status && lhs.body == rhs.body && lhs.headers.elementsEqual(rhs.headers) { $0 == $1 }
    }

    /// Parses CGI output; headers end at the first empty line (`\r\n` or `\n` line endings).
    /// - Returns: `nil` when the output has no header block.
    static func parse(_ output: Data) -> CGIResponse? {
        let bytes = [UInt8](output)
        var lines: [String] = []
        var lineStart = 0
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "\n") else {
                index += 1
                continue
            }
            var lineEnd = index
            if lineEnd > lineStart, bytes[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
            if lineEnd == lineStart { return make(lines, body: Data(bytes[(index + 1)...])) }
            lines.append(String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self))
            index += 1
            lineStart = index
        }
        return nil
    }

    private static func make(_ lines: [String], body: Data) -> CGIResponse? {
        var status = 200
        var headers: [(name: String, value: String)] = []
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let name = String(line[..<colon]).trimmingCharacters(in: .whitespaces)
            let value = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            if name.lowercased() == "status" {
                status = value.split(separator: " ").first.flatMap { Int($0) } ?? 500
            } else {
                headers.append((name, value))
            }
        }
        return CGIResponse(status: status, headers: headers, body: body)
    }
}

import Crypto
import Foundation

/// The canonical JSON of protocol §4.5 (`stableJson`): keys sorted by UTF-16 code units, no whitespace,
/// strings escaped like `JSON.stringify`, numbers printed like JavaScript.
public enum CanonicalJSON {
    /// The canonical text of `value`.
    public static func string(of value: LiteralJSON) -> String {
        var output = ""
        write(value, to: &output)
        return output
    }

    /// `"sha256:" + lowercase hex SHA-256` of the canonical UTF-8 bytes.
    public static func digest(of value: LiteralJSON) -> String {
        "sha256:" + sha256Hex(string(of: value))
    }

    /// Lowercase hex SHA-256 of the UTF-8 bytes of `text`.
    public static func sha256Hex(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    private static func write(_ value: LiteralJSON, to output: inout String) {
        switch value {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .number(let literal): output += javaScriptNumber(literal)
        case .string(let text): writeString(text, to: &output)
        case .array(let items):
            output += "["
            for (position, item) in items.enumerated() {
                if position > 0 { output += "," }
                write(item, to: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            let keys = members.keys.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }
            for (position, key) in keys.enumerated() {
                if position > 0 { output += "," }
                writeString(key, to: &output)
                output += ":"
                if let member = members[key] { write(member, to: &output) }
            }
            output += "}"
        }
    }

    private static func writeString(_ text: String, to output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\u{08}": output += "\\b"
            case "\t": output += "\\t"
            case "\n": output += "\\n"
            case "\u{0C}": output += "\\f"
            case "\r": output += "\\r"
            case "\u{00}"..."\u{1F}": output += String(format: "\\u%04x", scalar.value)
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }

    /// Formats a JSON number literal the way JavaScript's `Number.prototype.toString` prints it.
    static func javaScriptNumber(_ literal: String) -> String {
        guard let value = Double(literal), value.isFinite else { return "null" }
        if value == 0 { return "0" }
        let negative = value < 0
        let (digits, pointPosition) = shortestDigits(of: abs(value))
        let count = digits.count
        var body: String
        if count <= pointPosition && pointPosition <= 21 {
            body = digits + String(repeating: "0", count: pointPosition - count)
        } else if 0 < pointPosition && pointPosition <= 21 {
            body = String(digits.prefix(pointPosition)) + "." + String(digits.dropFirst(pointPosition))
        } else if -6 < pointPosition && pointPosition <= 0 {
            body = "0." + String(repeating: "0", count: -pointPosition) + digits
        } else {
            let exponent = pointPosition - 1
            let mantissa = count == 1 ? digits : String(digits.prefix(1)) + "." + String(digits.dropFirst())
            body = mantissa + "e" + (exponent >= 0 ? "+" : "-") + String(abs(exponent))
        }
        return negative ? "-" + body : body
    }

    /// The shortest round-trip decimal digits of a positive finite `value` and the position of the decimal
    /// point (value = 0.d1d2… × 10^pointPosition).
    private static func shortestDigits(of value: Double) -> (String, Int) {
        let text = "\(value)"
        let parts = text.lowercased().split(separator: "e", maxSplits: 1)
        let mantissa = parts.first.map(String.init) ?? text
        let exponent = parts.count == 2 ? Int(parts[1].replacingOccurrences(of: "+", with: "")) ?? 0 : 0
        let halves = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = halves.first.map(String.init) ?? ""
        let fraction = halves.count == 2 ? String(halves[1]) : ""
        var digits = whole + fraction
        var pointPosition = whole.count + exponent
        while digits.hasPrefix("0") {
            digits.removeFirst()
            pointPosition -= 1
        }
        while digits.hasSuffix("0") { digits.removeLast() }
        return (digits.isEmpty ? "0" : digits, pointPosition)
    }
}

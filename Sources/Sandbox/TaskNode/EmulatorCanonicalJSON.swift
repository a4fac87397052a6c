import Crypto
import PostFiat

/// The Task Node's canonical JSON (`stableJson`, protocol §4.5) and its SHA-256 digests, as the emulator computes
/// them.
///
/// Written from the protocol text, independently of the client's encoder: the emulator checks the client's digests
/// and signatures with this code, so a shared mistake cannot hide. Rules: object keys sorted by UTF-16 code units,
/// no whitespace, arrays in order; strings escaped as `JSON.stringify` does (`\"`, `\\`, `\b \t \n \f \r`, other
/// U+0000–U+001F as lowercase `\u00xx`, everything else literal UTF-8); numbers printed as JavaScript prints them;
/// `true`, `false`, `null`.
public enum EmulatorCanonicalJSON {
    /// The canonical UTF-8 bytes of `value`.
    public static func bytes(of value: LiteralJSON) -> [UInt8] {
        var output: [UInt8] = []
        append(value, to: &output)
        return output
    }

    /// Lowercase hex SHA-256 of the canonical bytes of `value` (the stored `evidence_sha256`).
    public static func sha256Hex(of value: LiteralJSON) -> String {
        var hex: [UInt8] = []
        for byte in SHA256.hash(data: bytes(of: value)) {
            hex += [hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// The payload digest of §4.5: `"sha256:"` + ``sha256Hex(of:)``.
    public static func digest(of value: LiteralJSON) -> String {
        "sha256:" + sha256Hex(of: value)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func append(_ value: LiteralJSON, to output: inout [UInt8]) {
        switch value {
        case .null:
            output += Array("null".utf8)
        case .bool(let flag):
            output += Array((flag ? "true" : "false").utf8)
        case .number(let literal):
            output += Array(JavaScriptNumberText.text(forLiteral: literal).utf8)
        case .string(let text):
            appendString(text, to: &output)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                append(element, to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            let ordered = members.sorted { $0.key.utf16.lexicographicallyPrecedes($1.key.utf16) }
            for (index, member) in ordered.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                appendString(member.key, to: &output)
                output.append(UInt8(ascii: ":"))
                append(member.value, to: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// Escapes byte by byte: every byte of a multi-byte UTF-8 sequence is ≥ 0x80, so only ASCII needs a decision.
    private static func appendString(_ text: String, to output: inout [UInt8]) {
        let backslash = UInt8(ascii: "\\")
        output.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), backslash: output += [backslash, byte]
            case 0x08: output += [backslash, UInt8(ascii: "b")]
            case 0x09: output += [backslash, UInt8(ascii: "t")]
            case 0x0A: output += [backslash, UInt8(ascii: "n")]
            case 0x0C: output += [backslash, UInt8(ascii: "f")]
            case 0x0D: output += [backslash, UInt8(ascii: "r")]
            case 0x00..<0x20:
                output += [backslash, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                           hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}

import Foundation

/// How text is drawn on one output stream: ANSI colour only when the stream is a terminal and `NO_COLOR` is unset
/// (https://no-color.org), and ASCII stand-ins for pfbot's symbols when the locale is not UTF-8.
struct TerminalStyle: Equatable {
    /// Whether the symbols are coloured.
    var colour: Bool
    /// Whether the symbols are written as Unicode (else as their ASCII stand-ins).
    var unicode: Bool

    /// pfbot's symbols, their ASCII stand-ins and their colours (ANSI SGR codes; `nil`: not coloured).
    static let symbols: [(symbol: Character, ascii: String, colour: String?)] = [
        ("✓", "[ok]", "32"), ("✗", "[x]", "31"), ("▶", ">", "1"), ("•", "-", nil), ("─", "-", nil), ("—", "-", nil),
        ("…", "...", nil), ("·", "|", nil),
    ]

    /// A style with both choices given.
    init(colour: Bool, unicode: Bool) {
        self.colour = colour
        self.unicode = unicode
    }

    /// The style for a stream.
    /// - Parameters:
    ///   - environment: the process environment (`NO_COLOR`, `TERM`, `LC_ALL`, `LC_CTYPE`, `LANG`).
    ///   - isTerminal: whether the stream is a terminal.
    init(environment: [String: String], isTerminal: Bool) {
        let noColour = !(environment["NO_COLOR"] ?? "").isEmpty || environment["TERM"] == "dumb"
        colour = isTerminal && !noColour
        unicode = Self.localeIsUTF8(environment)
    }

    /// Whether the locale's character set is UTF-8: the first of `LC_ALL`, `LC_CTYPE` and `LANG` that is set decides,
    /// as in POSIX; none set is the C locale, which is ASCII.
    static func localeIsUTF8(_ environment: [String: String]) -> Bool {
        guard let locale = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap({ environment[$0] }).first(where: { !$0.isEmpty }) else { return false }
        let normalised = locale.lowercased().replacingOccurrences(of: "-", with: "")
        return normalised.contains("utf8")
    }

    /// `text` with each symbol drawn in this style.
    func render(_ text: String) -> String {
        guard colour || !unicode, text.contains(where: { character in Self.symbols.contains { $0.symbol == character } }) else { return text }
        var result = ""
        for character in text {
            guard let entry = Self.symbols.first(where: { $0.symbol == character }) else {
                result.append(character)
                continue
            }
            let drawn = unicode ? String(character) : entry.ascii
            if colour, let code = entry.colour {
                result += "\u{1B}[\(code)m\(drawn)\u{1B}[0m"
            } else {
                result += drawn
            }
        }
        return result
    }
}

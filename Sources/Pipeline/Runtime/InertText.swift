/// Makes text from outside (task descriptions, comments) safe to show and store as plain data:
/// control characters and bidirectional overrides are removed, length is bounded.
public enum InertText {
    /// Characters that reorder or hide text (RTL/LTR overrides and isolates, zero-width joiners used for spoofing).
    static let invisibleFormatting: Set<UInt32> = [
        0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF,
    ]

    /// The text without control characters (tab and newline kept) and without bidi overrides, cut to `limit`
    /// characters with an ellipsis.
    public static func clean(_ text: String, limit: Int = 100_000) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\t" {
                scalars.append(scalar)
            } else if scalar == "\r" || invisibleFormatting.contains(scalar.value) || scalar.properties.generalCategory == .control {
                continue
            } else {
                scalars.append(scalar)
            }
        }
        let cleaned = String(scalars)
        guard cleaned.count > limit else { return cleaned }
        return String(cleaned.prefix(limit)) + "…"
    }

    /// One line of text: newlines become spaces, runs of spaces collapse.
    public static func singleLine(_ text: String, limit: Int = 500) -> String {
        let words = clean(text, limit: limit * 2).split(whereSeparator: { $0 == "\n" || $0 == "\t" || $0 == " " })
        return clean(words.joined(separator: " "), limit: limit)
    }
}

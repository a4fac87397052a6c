/// The anchors GitHub gives a document's headings, as github-slugger makes them: the text in lower case, everything
/// but letters, marks, digits, `_`, `-` and spaces removed, spaces turned into `-`; a repeated anchor gets `-1`, `-2`, ….
public struct HeadingSlugger: Sendable {
    private var occurrences: [String: Int] = [:]

    /// Creates a slugger for one document (repeats are counted per document).
    public init() {}

    /// The anchor of the next heading with `text`.
    /// - Parameter text: the heading as it reads.
    /// - Returns: its anchor, unique among those this slugger returned.
    public mutating func anchor(for text: String) -> String {
        let original = Self.slug(text)
        var result = original
        while occurrences[result] != nil {
            let count = (occurrences[original] ?? 0) + 1
            occurrences[original] = count
            result = original + "-" + String(count)
        }
        occurrences[result] = 0
        return result
    }

    /// The anchor of `text` before repeats are numbered.
    /// - Parameter text: a heading as it reads.
    /// - Returns: the slug, e.g. `what-is-new-in-20` for `What's new in 2.0?`.
    public static func slug(_ text: String) -> String {
        var slug = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars where keeps(scalar) {
            slug.append(scalar == " " ? "-" : scalar)
        }
        return String(slug)
    }

    private static func keeps(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == " " || scalar == "-" { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber, .connectorPunctuation:
            return true
        default:
            return false
        }
    }
}

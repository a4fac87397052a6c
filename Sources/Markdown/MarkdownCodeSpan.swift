/// An inline code span: `` `code` ``.
public struct MarkdownCodeSpan: Sendable, Equatable {
    /// The code, as GitHub shows it (line breaks as spaces).
    public var code: String
    /// The 1-based line the span starts on.
    public var line: Int

    /// Creates a code span from its parts.
    public init(code: String, line: Int) {
        self.code = code
        self.line = line
    }
}

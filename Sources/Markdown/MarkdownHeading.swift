/// A heading (ATX `## Title` or setext), with the anchor GitHub gives it.
public struct MarkdownHeading: Sendable, Equatable {
    /// 1 to 6.
    public var level: Int
    /// The heading's text as it reads (code spans keep their text, markup is gone).
    public var text: String
    /// The anchor GitHub links to (`#installing-it`), unique in its document (`-1`, `-2` for repeats).
    public var anchor: String
    /// The 1-based line the heading starts on.
    public var line: Int

    /// Creates a heading from its parts.
    public init(level: Int, text: String, anchor: String, line: Int) {
        self.level = level
        self.text = text
        self.anchor = anchor
        self.line = line
    }
}

/// A code block: fenced (```` ``` ```` or `~~~`) or indented.
public struct MarkdownCodeBlock: Sendable, Equatable {
    /// The fence's info string (`swift` in ```` ```swift ````); empty for an indented block.
    public var info: String
    /// The code.
    public var code: String
    /// Whether it is fenced rather than indented.
    public var isFenced: Bool
    /// Whether a fenced block has its closing fence; one that is never closed runs to the end of its container.
    public var isClosed: Bool
    /// The 1-based line the block starts on (its opening fence).
    public var line: Int

    /// Creates a code block from its parts.
    public init(info: String, code: String, isFenced: Bool, isClosed: Bool, line: Int) {
        self.info = info
        self.code = code
        self.isFenced = isFenced
        self.isClosed = isClosed
        self.line = line
    }
}

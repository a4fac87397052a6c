/// A run of a document's prose: text and raw HTML, one line at a time, never code, a heading's text included.
public struct MarkdownProse: Sendable, Equatable {
    /// What kind of block the run is in.
    public enum Block: String, Sendable, Equatable {
        /// A heading.
        case heading
        /// A paragraph, list item, quote or table cell.
        case text
        /// Raw HTML (a block or inline tag, a comment).
        case html
    }

    /// The text as it reads (entities decoded), up to the end of its line.
    public var text: String
    /// The 1-based line it is on.
    public var line: Int
    /// The kind of block it is in.
    public var block: Block

    /// Creates a run from its parts.
    public init(text: String, line: Int, block: Block) {
        self.text = text
        self.line = line
        self.block = block
    }
}

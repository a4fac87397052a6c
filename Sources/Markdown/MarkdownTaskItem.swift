/// A task-list item: `- [ ] text` or `- [x] text`.
public struct MarkdownTaskItem: Sendable, Equatable {
    /// Whether the box is ticked (`[x]` or `[X]`).
    public var isChecked: Bool
    /// The item's first paragraph as it reads, without the box.
    public var text: String
    /// The 1-based line of the item's marker.
    public var line: Int
    /// Whether the item sits inside a block quote (`> - [x] …`).
    public var isQuoted: Bool

    /// Creates an item from its parts.
    public init(isChecked: Bool, text: String, line: Int, isQuoted: Bool) {
        self.isChecked = isChecked
        self.text = text
        self.line = line
        self.isQuoted = isQuoted
    }
}

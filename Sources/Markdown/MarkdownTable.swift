/// A GitHub table: its header row first, then the body rows, each cell as it reads.
public struct MarkdownTable: Sendable, Equatable {
    /// The rows, header first; each row's cells as they read.
    public var rows: [[String]]
    /// The 1-based line of the header row.
    public var line: Int

    /// Creates a table from its parts.
    public init(rows: [[String]], line: Int) {
        self.rows = rows
        self.line = line
    }
}

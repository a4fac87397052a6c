import CCmarkGFM
import Foundation
import Synchronization

/// A Markdown document as GitHub reads it (CommonMark with GitHub's tables, task lists, autolinks and
/// strikethrough, parsed by cmark-gfm): its headings and their anchors, links, task-list items, tables, code, and
/// prose. Nothing inside code counts as a link, a task item or prose.
///
/// Parsing is bounded, because the cmark-gfm that Debian ships has inputs that take quadratic time (a 128 KiB
/// paragraph of `![[]()` takes seconds, 64 KiB about one): text beyond `limit` bytes, and from the first line that
/// nests more than 32 quotes and list items on, is not read (``isTruncated``).
public struct MarkdownDocument: Sendable {
    /// The most bytes parsed by default; a longer text is cut at the last line break before it.
    public static let defaultLimit = 65_536

    /// The headings, in document order.
    public let headings: [MarkdownHeading]
    /// Links and images, in document order.
    public let links: [MarkdownLink]
    /// Task-list items, in document order (a `- [x]` inside a table cell or code is text, not an item).
    public let taskItems: [MarkdownTaskItem]
    /// Tables, in document order.
    public let tables: [MarkdownTable]
    /// Code blocks, fenced and indented, in document order.
    public let codeBlocks: [MarkdownCodeBlock]
    /// Inline code spans (`` `code` ``), in document order.
    public let codeSpans: [MarkdownCodeSpan]
    /// Text and raw HTML outside code, one run per line piece, in document order.
    public let prose: [MarkdownProse]
    /// `id="…"` and `name="…"` values of raw HTML, which links can point at like heading anchors.
    public let htmlAnchors: Set<String>
    /// Whether only the beginning of the text was read: it was longer than the limit or nested too deep.
    public let isTruncated: Bool
    /// ``anchors`` in lower case, for ``hasAnchor(_:)``.
    private let lowercasedAnchors: Set<String>

    /// Parses `text`.
    /// - Parameters:
    ///   - text: the Markdown.
    ///   - limit: the most bytes read; a longer text is cut at the last line break before the limit.
    public init(parsing text: String, limit: Int = MarkdownDocument.defaultLimit) {
        var bytes = Array(text.utf8)
        if bytes.count > limit {
            let cut = bytes[..<max(limit, 0)].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? max(limit, 0)
            bytes.removeSubrange(cut...)
        }
        if let deep = NestingScan.firstTooDeepLine(in: bytes) {
            bytes.removeSubrange(deep...)
        }
        isTruncated = bytes.count < text.utf8.count
        let parts = Self.parse(MarkdownSource(bytes: bytes))
        headings = parts.headings
        links = parts.links
        taskItems = parts.taskItems
        tables = parts.tables
        codeBlocks = parts.codeBlocks
        codeSpans = parts.codeSpans
        prose = parts.prose
        htmlAnchors = parts.htmlAnchors
        lowercasedAnchors = Set(parts.htmlAnchors.union(parts.headings.map(\.anchor)).map { $0.lowercased() })
    }

    /// Every anchor a `#fragment` link can point at: the headings' and the raw HTML's.
    public var anchors: Set<String> {
        htmlAnchors.union(headings.map(\.anchor))
    }

    /// Whether `fragment` (a link's part after `#`, percent-encoded or not) names an anchor of this document.
    /// An empty fragment is the top of the document. Case does not matter, as in GitHub's pages.
    /// - Parameter fragment: the text after `#`.
    /// - Returns: whether a link to it lands somewhere.
    public func hasAnchor(_ fragment: String) -> Bool {
        let wanted = (fragment.removingPercentEncoding ?? fragment).lowercased()
        return wanted.isEmpty || lowercasedAnchors.contains(wanted)
    }

    /// What one parse found, gathered by ``CmarkTreeReader``.
    struct Parts {
        var headings: [MarkdownHeading] = []
        var links: [MarkdownLink] = []
        var taskItems: [MarkdownTaskItem] = []
        var tables: [MarkdownTable] = []
        var codeBlocks: [MarkdownCodeBlock] = []
        var codeSpans: [MarkdownCodeSpan] = []
        var prose: [MarkdownProse] = []
        var htmlAnchors: Set<String> = []
    }

    /// cmark-gfm keeps process-wide tables that every parse with extensions changes (the inline parser's special
    /// characters) and registers its extensions without a lock, so one parse runs at a time.
    private static let parsing = Mutex(())

    /// The extensions GitHub uses in documents (footnotes are left out: GitHub renders them only in some places).
    private static let extensionNames = ["table", "tasklist", "autolink", "strikethrough"]

    private static func parse(_ source: MarkdownSource) -> Parts {
        parsing.withLock { _ in
            cmark_gfm_core_extensions_ensure_registered()
            // CMARK_OPT_SOURCEPOS keeps inline positions right across line breaks inside a span.
            guard let parser = cmark_parser_new(CMARK_OPT_SOURCEPOS) else { return Parts() }
            defer { cmark_parser_free(parser) }
            for name in extensionNames {
                if let syntax = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, syntax) }
            }
            source.bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { characters in
                    if let start = characters.baseAddress { cmark_parser_feed(parser, start, characters.count) }
                }
            }
            guard let root = cmark_parser_finish(parser) else { return Parts() }
            defer { cmark_node_free(root) }
            var reader = CmarkTreeReader(source: source)
            reader.read(root)
            return reader.parts
        }
    }
}

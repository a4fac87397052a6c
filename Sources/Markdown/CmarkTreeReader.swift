import CCmarkGFM

/// Reads a parsed cmark-gfm tree into the document's parts. Walks with cmark's iterator (no recursion, so deep
/// nesting costs no stack) and copies everything out; the caller frees the tree.
struct CmarkTreeReader {
    let source: MarkdownSource
    private(set) var parts = MarkdownDocument.Parts()
    private var slugger = HeadingSlugger()
    private var quoteDepth = 0
    private var headingDepth = 0

    init(source: MarkdownSource) {
        self.source = source
    }

    mutating func read(_ root: OpaquePointer) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            if event == CMARK_EVENT_ENTER { enter(node) } else if event == CMARK_EVENT_EXIT { exit(node) }
        }
    }

    private mutating func enter(_ node: OpaquePointer) {
        let type = cmark_node_get_type(node)
        switch type {
        case CMARK_NODE_BLOCK_QUOTE: quoteDepth += 1
        case CMARK_NODE_HEADING: heading(node)
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE: link(node, isImage: type == CMARK_NODE_IMAGE)
        case CMARK_NODE_ITEM: item(node)
        case CMARK_NODE_CODE_BLOCK: codeBlock(node)
        case CMARK_NODE_CODE:
            parts.codeSpans.append(MarkdownCodeSpan(code: Self.literal(node), line: Self.line(node)))
        case CMARK_NODE_TEXT:
            parts.prose.append(MarkdownProse(text: Self.literal(node), line: Self.line(node), block: headingDepth > 0 ? .heading : .text))
        case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE: html(node)
        default:
            if Self.typeName(node) == "table" { table(node) }
        }
    }

    private mutating func exit(_ node: OpaquePointer) {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_BLOCK_QUOTE: quoteDepth -= 1
        case CMARK_NODE_HEADING: headingDepth -= 1
        default: break
        }
    }

    private mutating func heading(_ node: OpaquePointer) {
        headingDepth += 1
        let text = Self.plainText(node)
        parts.headings.append(MarkdownHeading(level: Int(cmark_node_get_heading_level(node)), text: text,
                                              anchor: slugger.anchor(for: text), line: Self.line(node)))
    }

    private mutating func link(_ node: OpaquePointer, isImage: Bool) {
        let line = Self.line(node), column = Int(cmark_node_get_start_column(node))
        let form: MarkdownLink.Form
        switch source.byte(line: line, column: column) {
        case UInt8(ascii: "["), UInt8(ascii: "!"):
            let last = source.byte(line: Int(cmark_node_get_end_line(node)), column: Int(cmark_node_get_end_column(node)))
            form = last == UInt8(ascii: ")") ? .inline : .reference
        default:
            form = .autolink
        }
        parts.links.append(MarkdownLink(destination: Self.string(cmark_node_get_url(node)), form: form, isImage: isImage, line: line, column: column))
    }

    /// A task-list item. cmark-gfm 0.29.0.gfm.6 (Debian bookworm) misses the box of an item inside a block quote, and
    /// reads any `[x]` later on the box's line as a tick: the box is read here from the source at the item's text.
    private mutating func item(_ node: OpaquePointer) {
        guard let first = cmark_node_first_child(node), cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH else { return }
        let text = Self.plainText(first)
        if Self.typeName(node) == "tasklist" {
            let checked = box(before: first) ?? cmark_gfm_extensions_get_tasklist_item_checked(node)
            parts.taskItems.append(MarkdownTaskItem(isChecked: checked, text: text, line: Self.line(node), isQuoted: quoteDepth > 0))
        } else if quoteDepth > 0, let box = ["[ ]", "[x]", "[X]"].first(where: { text.hasPrefix($0 + " ") || text.hasPrefix($0 + "\t") }) {
            parts.taskItems.append(MarkdownTaskItem(isChecked: box != "[ ]", text: String(text.dropFirst(4)), line: Self.line(node), isQuoted: true))
        }
    }

    /// Whether the `[ ]`/`[x]` box just before a task item's paragraph is ticked; `nil` when the source has no box there.
    private func box(before paragraph: OpaquePointer) -> Bool? {
        let line = source.line(Self.line(paragraph))
        var index = line.startIndex + Int(cmark_node_get_start_column(paragraph)) - 2
        while index >= line.startIndex, line[index] == UInt8(ascii: " ") || line[index] == UInt8(ascii: "\t") { index -= 1 }
        guard index - 2 >= line.startIndex, index < line.endIndex, line[index] == UInt8(ascii: "]"), line[index - 2] == UInt8(ascii: "[") else { return nil }
        return line[index - 1] == UInt8(ascii: "x") || line[index - 1] == UInt8(ascii: "X")
    }

    private mutating func codeBlock(_ node: OpaquePointer) {
        var length: Int32 = 0, offset: Int32 = 0, character: CChar = 0
        let fenced = cmark_node_get_fenced(node, &length, &offset, &character) != 0
        let start = Self.line(node), end = Int(cmark_node_get_end_line(node))
        let closed = !fenced || end > start && Self.isFence(source.line(end), character: UInt8(bitPattern: character), length: Int(length))
        parts.codeBlocks.append(MarkdownCodeBlock(info: Self.string(cmark_node_get_fence_info(node)), code: Self.literal(node),
                                                  isFenced: fenced, isClosed: closed, line: start))
    }

    /// Whether a line (inside its quotes) is only a closing fence: `length` or more of `character`.
    private static func isFence(_ line: ArraySlice<UInt8>, character: UInt8, length: Int) -> Bool {
        let content = line.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: ">") }
        let trimmed = content.reversed().drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        return trimmed.count >= length && trimmed.allSatisfy { $0 == character }
    }

    private mutating func html(_ node: OpaquePointer) {
        let literal = Self.literal(node)
        for (offset, text) in literal.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !text.isEmpty {
            parts.prose.append(MarkdownProse(text: String(text), line: Self.line(node) + offset, block: .html))
        }
        for match in literal.matches(of: #/(?i)\b(?:id|name)\s*=\s*["']([^"']+)["']/#) {
            parts.htmlAnchors.insert(String(match.output.1))
        }
    }

    private mutating func table(_ node: OpaquePointer) {
        var rows: [[String]] = []
        var row = cmark_node_first_child(node)
        while let current = row {
            var cells: [String] = []
            var cell = cmark_node_first_child(current)
            while let each = cell {
                cells.append(Self.plainText(each))
                cell = cmark_node_next(each)
            }
            rows.append(cells)
            row = cmark_node_next(current)
        }
        parts.tables.append(MarkdownTable(rows: rows, line: Self.line(node)))
    }

    /// A node's text as it reads: text and code literals, line breaks as spaces.
    static func plainText(_ node: OpaquePointer) -> String {
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        var text = ""
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: text += literal(child)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
            default: continue
            }
        }
        return text
    }

    private static func line(_ node: OpaquePointer) -> Int { Int(cmark_node_get_start_line(node)) }
    private static func literal(_ node: OpaquePointer) -> String { string(cmark_node_get_literal(node)) }
    private static func typeName(_ node: OpaquePointer) -> String { string(cmark_node_get_type_string(node)) }
    private static func string(_ pointer: UnsafePointer<CChar>?) -> String { pointer.map { String(cString: $0) } ?? "" }
}

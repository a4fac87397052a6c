import Markdown
import Testing

@Suite struct MarkdownDocumentTests {
    @Test func headings_getGitHubAnchors_andRepeatsAreNumbered() {
        let document = MarkdownDocument(parsing: "# What's new in 2.0?\n\nSetext\n======\n\n## `pfbot qc` & you\n\n## Notes\n\n### Notes\n\n## Notes-1\n")
        #expect(document.headings.map(\.level) == [1, 1, 2, 2, 3, 2])
        #expect(document.headings.map(\.anchor) == ["whats-new-in-20", "setext", "pfbot-qc--you", "notes", "notes-1", "notes-1-1"])
        #expect(document.headings.map(\.line) == [1, 3, 6, 8, 10, 12])
        #expect(document.hasAnchor("notes-1") && document.hasAnchor("Notes") && document.hasAnchor(""))
        #expect(!document.hasAnchor("notes-2"))
        #expect(HeadingSlugger.slug("Ünïcode — ok_ish") == "ünïcode--ok_ish")
    }

    @Test func links_inlineReferenceAndAutolinks_withTheirLines_butNothingInsideCode() {
        let text = """
        See [inline](a.md) and [by label][ref] and [ref][] and <https://example.org/x>.
        ![img](pic.png "title") www.example.com `[not](code.md)`

        ```
        [fenced](fence.md)
        ```

            [indented](indent.md)

        | a | b |
        |---|---|
        | [cell](cell.md) | x |

        [ref]: other.md#Some-Heading
        """
        let document = MarkdownDocument(parsing: text)
        #expect(document.links.map(\.destination) == ["a.md", "other.md#Some-Heading", "other.md#Some-Heading", "https://example.org/x",
                                                      "pic.png", "http://www.example.com", "cell.md"])
        #expect(document.links.map(\.form) == [.inline, .reference, .reference, .autolink, .inline, .autolink, .inline])
        #expect(document.links.map(\.line) == [1, 1, 1, 1, 2, 2, 12])
        #expect(document.links.map(\.isImage) == [false, false, false, false, true, false, false])
        #expect(document.codeSpans == [MarkdownCodeSpan(code: "[not](code.md)", line: 2)])
        #expect(document.codeBlocks.map(\.code) == ["[fenced](fence.md)\n", "[indented](indent.md)\n"])
        #expect(document.tables == [MarkdownTable(rows: [["a", "b"], ["cell", "x"]], line: 10)])
    }

    @Test func taskItems_readTheirBox_inQuotesToo_butNotInTablesOrCode() {
        let text = """
        - [x] 1. done
        - [ ] 2. open, though [x] appears later
        * [X]   3. spaced
        1. [ ] 4. ordered

        > - [x] 5. quoted

        | - [x] 6. in a table |
        |---|

        ```
        - [x] 7. in code
        ```
        - plain item
        """
        let items = MarkdownDocument(parsing: text).taskItems
        #expect(items.map(\.text) == ["1. done", "2. open, though [x] appears later", "3. spaced", "4. ordered", "5. quoted"])
        #expect(items.map(\.isChecked) == [true, false, true, false, true])
        #expect(items.map(\.line) == [1, 2, 3, 4, 6])
        #expect(items.map(\.isQuoted) == [false, false, false, false, true])
    }

    @Test func fences_knowWhetherTheyAreClosed() {
        let document = MarkdownDocument(parsing: "```swift\nlet a = 1\n```\n\n~~~~\nx\n~~~~~ \n\n> ```\n> quoted\n> ```\n\n````\n```\nnever closed\n")
        #expect(document.codeBlocks.map(\.isClosed) == [true, true, true, false])
        #expect(document.codeBlocks.map(\.line) == [1, 5, 9, 13])
        #expect(document.codeBlocks.first?.info == "swift")
        #expect(MarkdownDocument(parsing: "text\n```\n").codeBlocks.map(\.isClosed) == [false])
    }

    @Test func prose_isTextAndHTML_withLines_andHTMLAnchorsCount() {
        let document = MarkdownDocument(parsing: "# Title\n\nFirst line\nsecond `code` line\n\n<a name=\"Custom\"></a>\n\n<!-- note\nTODO -->\n")
        #expect(document.prose.filter { $0.block == .text }.map(\.line) == [3, 4, 4])
        #expect(document.prose.filter { $0.block == .heading }.map(\.text) == ["Title"])
        #expect(document.prose.filter { $0.block == .html }.map(\.line) == [6, 6, 8, 9])
        #expect(document.hasAnchor("custom"))
    }

    @Test func hostileInput_isBounded_andLongTextIsCut() {
        let long = String(repeating: "[a](b.md)\n", count: 20_000)
        let document = MarkdownDocument(parsing: long, limit: 1_000)
        #expect(document.isTruncated)
        #expect(document.links.count == 100)
        // cmark-gfm 0.29.0.gfm.6 takes seconds over this; the document is read up to the first line nested too deep.
        let nested = MarkdownDocument(parsing: "# Kept\n\n> > - quoted twice\n" + String(repeating: ">", count: 50_000) + " deep\n" + String(repeating: "[", count: 50_000))
        #expect(nested.isTruncated)
        #expect(nested.headings.map(\.text) == ["Kept"])
        #expect(nested.prose.map(\.text) == ["Kept", "quoted twice"])
        #expect(!MarkdownDocument(parsing: "").isTruncated)
    }
}

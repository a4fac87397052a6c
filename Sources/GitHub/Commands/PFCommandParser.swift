import Foundation

/// Finds `/pf <word> [args]` command lines in a comment body (the scanner; the pipeline knows the verbs).
///
/// A command starts a line (up to three leading spaces), case-insensitively; a comment may hold several.
/// Only lines GitHub shows as text count: block quotes (`>`, also inside a list item, and the lazy continuation lines
/// of a quoted paragraph), HTML comments (`<!-- … -->`, over any number of lines), fenced code blocks (```` ``` ```` or
/// `~~~`) and indented code (four spaces or a tab) are ignored.
///
/// It is a line scanner rather than the `Markdown` module's parser on purpose: anyone who can comment writes these
/// bodies, and the cmark-gfm Debian ships takes quadratic time on some inputs, so finding commands must stay linear.
public struct PFCommandParser: Sendable {
    /// Creates a parser.
    public init() {}

    /// Parses every command line of a body.
    public func parse(_ body: String) -> [PFCommandParse] {
        var results: [PFCommandParse] = []
        var fence: (marker: Character, length: Int)?
        var insideHTMLComment = false
        var quotedParagraphOpen = false
        let lines = body.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        for (index, rawLine) in lines.enumerated() {
            let indent = rawLine.prefix { $0 == " " }.count
            let line = rawLine.dropFirst(indent)
            if let open = fence {
                if indent < 4, Self.fenceRun(line, marker: open.marker) >= open.length, line.dropFirst(Self.fenceRun(line, marker: open.marker)).allSatisfy(\.isWhitespace) {
                    fence = nil
                }
                continue
            }
            if insideHTMLComment {
                insideHTMLComment = !Self.closesHTMLComment(rawLine)
                continue
            }
            let blank = rawLine.allSatisfy(\.isWhitespace)
            if let quoted = Self.quotedContent(rawLine) {
                quotedParagraphOpen = !quoted.allSatisfy(\.isWhitespace)
                insideHTMLComment = Self.leavesHTMLCommentOpen(rawLine)
                continue
            }
            if quotedParagraphOpen {
                // A lazy continuation line: GitHub shows it inside the quote above it, until a blank line.
                quotedParagraphOpen = !blank
                insideHTMLComment = Self.leavesHTMLCommentOpen(rawLine)
                continue
            }
            guard indent < 4, !rawLine.hasPrefix("\t") else { continue }
            if let marker = line.first, marker == "`" || marker == "~" {
                let run = Self.fenceRun(line, marker: marker)
                if run >= 3 {
                    fence = (marker, run)
                    continue
                }
            }
            insideHTMLComment = Self.leavesHTMLCommentOpen(rawLine)
            if let parsed = parseLine(line, number: index + 1) { results.append(parsed) }
        }
        return results
    }

    /// The text after the `>` of a block-quote line (also one inside list items, e.g. `- > text`), or `nil`.
    static func quotedContent(_ line: Substring) -> Substring? {
        var rest = line.drop { $0 == " " }
        while true {
            if rest.first == ">" { return rest.dropFirst() }
            if let marker = rest.first, "-*+".contains(marker), rest.dropFirst().first == " " {
                rest = rest.dropFirst(2).drop { $0 == " " }
                continue
            }
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            if !digits.isEmpty, digits.count <= 9, let after = rest.dropFirst(digits.count).first, after == "." || after == ")",
               rest.dropFirst(digits.count + 1).first == " " {
                rest = rest.dropFirst(digits.count + 2).drop { $0 == " " }
                continue
            }
            return nil
        }
    }

    /// Whether an HTML comment opened on this line is still open at its end.
    static func leavesHTMLCommentOpen(_ line: Substring) -> Bool {
        guard let open = line.range(of: "<!--", options: .backwards) else { return false }
        return line[open.upperBound...].range(of: "-->") == nil
    }

    /// Whether this line closes an open HTML comment (and opens no new one after it).
    static func closesHTMLComment(_ line: Substring) -> Bool {
        guard let close = line.range(of: "-->") else { return false }
        return !leavesHTMLCommentOpen(line[close.upperBound...])
    }

    /// Parses a comment, ignoring comments written by bots (type `Bot` or a login ending in `[bot]`).
    public func parse(_ comment: IssueComment) -> [PFCommandParse] {
        if comment.user?.isBot == true { return [] }
        return parse(comment.body ?? "")
    }

    /// The command lines of a body (not the bare `/pf` lines).
    public func commands(in body: String) -> [PFCommand] {
        parse(body).compactMap {
            if case .command(let command) = $0 { return command }
            return nil
        }
    }

    private func parseLine(_ line: Substring, number: Int) -> PFCommandParse? {
        guard line.count >= 3, line.prefix(3).lowercased() == "/pf" else { return nil }
        let rest = line.dropFirst(3)
        if let next = rest.first, !next.isWhitespace { return nil }
        let trimmed = rest.trimmingCharacters(in: .whitespaces)
        guard let verbWord = trimmed.split(whereSeparator: \.isWhitespace).first else { return .missingVerb(line: number) }
        let argumentText = trimmed.dropFirst(verbWord.count).trimmingCharacters(in: .whitespaces)
        return .command(PFCommand(verb: verbWord.lowercased(), arguments: Self.split(argumentText), argumentText: argumentText, line: number))
    }

    private static func fenceRun(_ line: Substring, marker: Character) -> Int {
        line.prefix { $0 == marker }.count
    }

    /// Splits on whitespace; a double-quoted span is one argument without its quotes.
    static func split(_ text: String) -> [String] {
        var arguments: [String] = []
        var current = ""
        var quoted = false
        var hasToken = false
        for char in text {
            if char == "\"" {
                quoted.toggle()
                hasToken = true
            } else if char.isWhitespace, !quoted {
                if hasToken { arguments.append(current) }
                current = ""
                hasToken = false
            } else {
                current.append(char)
                hasToken = true
            }
        }
        if hasToken { arguments.append(current) }
        return arguments
    }
}

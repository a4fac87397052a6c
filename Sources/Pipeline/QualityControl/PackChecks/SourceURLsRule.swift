import Foundation

/// A pack check: the sources table has rows, and every row holds a well-formed http(s) URL.
struct SourceURLsRule: QCRule {
    let name = "pack:source-urls"
    /// The Markdown file, relative to the task folder.
    let file: String
    /// The heading above the table.
    let heading: String

    func evaluate(_ input: QCInput) -> QCRuleResult {
        let path = input.folder + "/" + file
        guard let data = input.files[path] else {
            return QCRuleResult(rule: name, passed: false, summary: "\(file) is missing",
                                annotations: [QCAnnotation(path: path, line: 1, level: .failure, message: "\(path) is missing; restore it from the template.")])
        }
        let sections = MarkdownSections(String(decoding: data, as: UTF8.self)).sections
        guard let section = sections.first(where: { $0.title.lowercased().hasPrefix(heading.lowercased()) }) else {
            return QCRuleResult(rule: name, passed: false, summary: "no \(heading) section",
                                annotations: [QCAnnotation(path: path, line: 1, level: .failure, message: "\(file) has no \"## \(heading)\" section; add it with a table of sources.")])
        }
        let rows = section.body.filter { $0.text.hasPrefix("|") }.dropFirst(2)
        var problems: [QCAnnotation] = []
        for row in rows {
            let cells = row.text.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            if !cells.contains(where: Self.isURL) {
                problems.append(QCAnnotation(path: path, line: row.line, level: .failure, message: "this source has no well-formed http(s) URL; put its full address in the table."))
            }
        }
        if rows.isEmpty {
            problems.append(QCAnnotation(path: path, line: section.line, level: .failure, message: "the sources table has no rows; add one row per source with its URL."))
        }
        let summary = problems.isEmpty ? "\(rows.count) source(s), each with a URL" : "\(problems.count) source problem(s)"
        return QCRuleResult(rule: name, passed: problems.isEmpty, summary: summary, annotations: problems)
    }

    /// A cell that is an http(s) URL with a dotted host, bare or as a Markdown link `[text](url)` or `<url>`.
    static func isURL(_ cell: String) -> Bool {
        var text = cell
        if let open = text.range(of: "]("), text.hasSuffix(")") { text = String(text[open.upperBound...].dropLast()) }
        if text.hasPrefix("<"), text.hasSuffix(">") { text = String(text.dropFirst().dropLast()) }
        guard !text.contains(" "), let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
              let host = url.host, host.contains("."), !host.hasPrefix("."), !host.hasSuffix(".") else { return false }
        return true
    }
}

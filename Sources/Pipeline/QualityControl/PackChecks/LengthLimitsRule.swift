/// A pack check: every draft (a fenced block under a `## <Platform>` heading) fits the platform's length limit.
struct LengthLimitsRule: QCRule {
    let name = "pack:length-limits"
    /// The Markdown file of drafts, relative to the task folder.
    let file: String
    /// Platform (lower-case heading word) → limit in characters.
    let limits: [String: Int]

    func evaluate(_ input: QCInput) -> QCRuleResult {
        let path = input.folder + "/" + file
        guard let data = input.files[path] else {
            return QCRuleResult(rule: name, passed: false, summary: "\(file) is missing",
                                annotations: [QCAnnotation(path: path, line: 1, level: .failure, message: "\(path) is missing; restore it from the template.")])
        }
        var problems: [QCAnnotation] = []
        var drafts = 0
        for section in MarkdownSections(String(decoding: data, as: UTF8.self)).sections {
            guard let platform = section.title.split(separator: " ").first?.lowercased(), let limit = limits[platform] else { continue }
            for block in Self.blocks(section.body) {
                drafts += 1
                if block.text.count > limit {
                    problems.append(QCAnnotation(path: path, line: block.line, level: .failure,
                                                 message: "this \(section.title) draft has \(block.text.count) characters; the limit is \(limit). Shorten it or split it into a thread."))
                }
            }
        }
        let summary = problems.isEmpty ? "\(drafts) draft(s) within their platform's limit" : "\(problems.count) draft(s) too long"
        return QCRuleResult(rule: name, passed: problems.isEmpty, summary: summary, annotations: problems)
    }

    /// The fenced blocks in a section's lines, with the line of each opening fence.
    static func blocks(_ lines: [(line: Int, text: Substring)]) -> [(line: Int, text: String)] {
        var blocks: [(Int, String)] = []
        var current: (line: Int, lines: [Substring])? = nil
        for line in lines where line.text.hasPrefix("```") || current != nil {
            if line.text.hasPrefix("```") {
                if let open = current {
                    blocks.append((open.line, open.lines.joined(separator: "\n")))
                    current = nil
                } else {
                    current = (line.line, [])
                }
            } else {
                current?.lines.append(line.text)
            }
        }
        return blocks
    }
}

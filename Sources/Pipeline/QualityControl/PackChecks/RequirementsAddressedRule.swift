import Foundation

/// A pack check: every requirement has its own section (a heading containing `R<n>`) with text beyond the quoted
/// brief and placeholders.
struct RequirementsAddressedRule: QCRule {
    let name = "pack:requirements-addressed"
    /// The Markdown file, relative to the task folder.
    let file: String

    func evaluate(_ input: QCInput) -> QCRuleResult {
        let path = input.folder + "/" + file
        guard let data = input.files[path] else {
            return QCRuleResult(rule: name, passed: false, summary: "\(file) is missing",
                                annotations: [QCAnnotation(path: path, line: 1, level: .failure, message: "\(path) is missing; restore it from the template.")])
        }
        let sections = MarkdownSections(String(decoding: data, as: UTF8.self)).sections
        var problems: [QCAnnotation] = []
        for requirement in input.analysis.requirements {
            let tag = "R\(requirement.id)"
            guard let section = sections.first(where: { $0.title.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).contains(Substring(tag)) }) else {
                problems.append(QCAnnotation(path: path, line: 1, level: .failure, message: "requirement \(requirement.id) has no section; add a heading with \(tag)."))
                continue
            }
            let written = section.body.filter { line in
                let text = line.text.trimmingCharacters(in: .whitespaces)
                return !text.isEmpty && !text.hasPrefix(">") && !text.contains(TemplateRenderer.placeholderMarker)
            }
            if written.isEmpty {
                problems.append(QCAnnotation(path: path, line: section.line, level: .failure, message: "requirement \(requirement.id) is not addressed yet; write its section."))
            }
        }
        let summary = problems.isEmpty ? "all \(input.analysis.requirements.count) requirements addressed in \(file)" : "\(problems.count) requirement(s) not addressed in \(file)"
        return QCRuleResult(rule: name, passed: problems.isEmpty, summary: summary, annotations: problems)
    }
}

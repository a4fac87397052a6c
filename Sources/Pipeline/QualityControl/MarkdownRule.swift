import Foundation

/// Markdown structure: code fences are closed, headings do not skip levels, relative links point at files on
/// the branch.
struct MarkdownRule: QCRule {
    let name = "markdown"

    func evaluate(_ input: QCInput) -> QCRuleResult {
        var annotations: [QCAnnotation] = []
        for file in input.taskTextFiles where file.path.lowercased().hasSuffix(".md") {
            annotations += structure(file.path, file.text)
            annotations += relativeLinks(file.path, file.text, files: input.files)
        }
        let failures = annotations.filter { $0.level == .failure }.count
        return QCRuleResult(rule: name, passed: failures == 0,
                            summary: failures == 0 ? "Markdown is well-formed" : "\(failures) Markdown problem(s)", annotations: annotations)
    }

    private func structure(_ path: String, _ text: String) -> [QCAnnotation] {
        var annotations: [QCAnnotation] = []
        var openFence: Int?
        var lastLevel = 0
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                openFence = openFence == nil ? index + 1 : nil
                continue
            }
            guard openFence == nil, trimmed.hasPrefix("#") else { continue }
            let level = trimmed.prefix(while: { $0 == "#" }).count
            guard level <= 6, trimmed.dropFirst(level).first == " " else { continue }
            if lastLevel > 0, level > lastLevel + 1 {
                annotations.append(QCAnnotation(path: path, line: index + 1, level: .warning, message: "Heading jumps from level \(lastLevel) to \(level)."))
            }
            lastLevel = level
        }
        if let openFence {
            annotations.append(QCAnnotation(path: path, line: openFence, level: .failure, message: "This code block is never closed; add a closing ```."))
        }
        return annotations
    }

    private func relativeLinks(_ path: String, _ text: String, files: [String: Data]) -> [QCAnnotation] {
        let directory = (path as NSString).deletingLastPathComponent
        var annotations: [QCAnnotation] = []
        for link in MarkdownLinks.find(in: text) where !link.target.contains("://") && !link.target.hasPrefix("#") && !link.target.hasPrefix("mailto:") {
            let target = String(link.target.split(separator: "#", maxSplits: 1).first ?? "")
            guard !target.isEmpty else { continue }
            let resolved = MarkdownLinks.resolve(target, from: directory)
            let exists = resolved.map { resolved in files.keys.contains { $0 == resolved || $0.hasPrefix(resolved + "/") } } ?? false
            if !exists {
                annotations.append(QCAnnotation(path: path, line: link.line, level: .failure, message: "Relative link \(link.target) points at no file on this branch."))
            }
        }
        return annotations
    }
}

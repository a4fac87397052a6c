import Foundation
import PFBotCore

/// No `TODO(pf)` placeholder from the templates is left. In Markdown, only the text counts: a `TODO(pf)` inside a
/// code span or block (a document quoting the marker) is not a placeholder.
struct PlaceholderRule: QCRule {
    let name = "placeholders"

    func evaluate(_ input: QCInput) -> QCRuleResult {
        let marker = TemplateRenderer.placeholderMarker
        var annotations: [QCAnnotation] = []
        for file in input.taskTextFiles {
            let lines = if let document = input.markdown(file.path) {
                Set(document.prose.filter { $0.text.contains(marker) }.map(\.line)).sorted()
            } else {
                lineNumbers(in: file.text, where: { $0.contains(marker) })
            }
            for line in lines {
                annotations.append(QCAnnotation(path: file.path, line: line, level: .failure, message: "Template placeholder \(marker) left here; replace it with the real content."))
            }
        }
        return QCRuleResult(rule: name, passed: annotations.isEmpty,
                            summary: annotations.isEmpty ? "no placeholders left" : "\(annotations.count) placeholder(s) left", annotations: annotations)
    }
}

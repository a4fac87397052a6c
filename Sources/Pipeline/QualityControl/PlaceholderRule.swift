import Foundation
import PFBotCore

/// No `TODO(pf)` placeholder from the templates is left.
struct PlaceholderRule: QCRule {
    let name = "placeholders"

    func evaluate(_ input: QCInput) -> QCRuleResult {
        var annotations: [QCAnnotation] = []
        for file in input.taskTextFiles {
            for line in lineNumbers(in: file.text, where: { $0.contains(TemplateRenderer.placeholderMarker) }) {
                annotations.append(QCAnnotation(path: file.path, line: line, level: .failure, message: "Template placeholder \(TemplateRenderer.placeholderMarker) left here; replace it with the real content."))
            }
        }
        return QCRuleResult(rule: name, passed: annotations.isEmpty,
                            summary: annotations.isEmpty ? "no placeholders left" : "\(annotations.count) placeholder(s) left", annotations: annotations)
    }
}

import Foundation
import PFBotCore

/// Every requirement is ticked in `CHECKLIST.md` on the branch (or on the issue).
struct ChecklistRule: QCRule {
    let name = "checklist"

    func evaluate(_ input: QCInput) -> QCRuleResult {
        let path = input.folder + "/CHECKLIST.md"
        guard let data = input.files[path] else {
            return QCRuleResult(rule: name, passed: false, summary: "CHECKLIST.md is missing",
                                annotations: [QCAnnotation(path: path, line: 1, level: .failure, message: "CHECKLIST.md is missing; restore it from the template.")])
        }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        var checked = Set<Int>()
        var lineOf: [Int: Int] = [:]
        for (index, line) in lines.enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            for (marker, ticked) in [("- [x] ", true), ("- [X] ", true), ("- [ ] ", false)] where trimmed.hasPrefix(marker) {
                let number = Int(trimmed.dropFirst(marker.count).prefix(while: \.isNumber))
                if let number {
                    lineOf[number] = index + 1
                    if ticked { checked.insert(number) }
                }
            }
        }
        let open = input.analysis.requirements.filter { !$0.isChecked && !checked.contains($0.id) }
        let annotations = open.map { requirement in
            QCAnnotation(path: path, line: lineOf[requirement.id] ?? 1, level: .failure,
                         message: "Requirement \(requirement.id) is not ticked: \(requirement.text)")
        }
        let total = input.analysis.requirements.count
        return QCRuleResult(rule: name, passed: open.isEmpty, summary: "\(total - open.count) of \(total) requirements ticked", annotations: annotations)
    }
}

import Foundation
import PFBotCore

/// Every requirement is ticked in `CHECKLIST.md` on the branch (or on the issue). The ticks are the task-list items
/// of the parsed file (`- [x] 3. …`, in a quote too); a `[x]` in code or in a table cell is not a tick.
struct ChecklistRule: QCRule {
    let name = "checklist"

    func evaluate(_ input: QCInput) -> QCRuleResult {
        let path = input.folder + "/CHECKLIST.md"
        guard input.files[path] != nil else {
            return QCRuleResult(rule: name, passed: false, summary: "CHECKLIST.md is missing",
                                annotations: [QCAnnotation(path: path, line: 1, level: .failure, message: "CHECKLIST.md is missing; restore it from the template.")])
        }
        var checked = Set<Int>()
        var lineOf: [Int: Int] = [:]
        for item in input.markdown(path)?.taskItems ?? [] {
            guard let number = Int(item.text.prefix(while: \.isNumber)) else { continue }
            lineOf[number] = item.line
            if item.isChecked { checked.insert(number) }
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

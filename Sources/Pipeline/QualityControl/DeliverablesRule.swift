import Foundation
import PFBotCore

/// Every template file is still there and not empty, and each concrete deliverable a requirement names exists
/// (a CSV with at least N rows, a screenshot, a file of a kind).
struct DeliverablesRule: QCRule {
    let name = "deliverables"
    static let imageExtensions = ["png", "jpg", "jpeg", "gif", "webp", "svg"]

    func evaluate(_ input: QCInput) -> QCRuleResult {
        var problems: [QCAnnotation] = []
        for path in input.templatePaths where (input.sizes[path] ?? 0) == 0 {
            problems.append(QCAnnotation(path: path, line: 1, level: .failure, message: "\(path) is missing or empty; restore it from the template."))
        }
        let files = input.taskFiles
        for requirement in input.analysis.requirements {
            switch requirement.deliverable {
            case .file(let kind, let minimum):
                let matching = files.filter { ($0.path as NSString).pathExtension.lowercased() == kind }
                if matching.isEmpty {
                    problems.append(annotation(input, "requirement \(requirement.id) asks for a .\(kind) file; add one under \(input.folder)/."))
                } else if let minimum, let best = matching.map({ count(kind: kind, data: $0.data) }).max(), best < minimum {
                    problems.append(annotation(input, "requirement \(requirement.id) asks for at least \(minimum) rows/items; the largest .\(kind) file has \(best)."))
                }
            case .screenshot:
                if !files.contains(where: { Self.imageExtensions.contains(($0.path as NSString).pathExtension.lowercased()) }) {
                    problems.append(annotation(input, "requirement \(requirement.id) asks for a screenshot; commit an image (PNG/JPEG) under \(input.folder)/."))
                }
            default:
                continue
            }
        }
        let summary = problems.isEmpty ? "all \(input.templatePaths.count) files and named deliverables present" : "\(problems.count) deliverable(s) missing"
        return QCRuleResult(rule: name, passed: problems.isEmpty, summary: summary, annotations: problems)
    }

    private func annotation(_ input: QCInput, _ message: String) -> QCAnnotation {
        QCAnnotation(path: input.folder + "/CHECKLIST.md", line: 1, level: .failure, message: message)
    }

    /// Data rows of a CSV (lines after the header that are not blank), or items of a top-level JSON array.
    func count(kind: String, data: Data) -> Int {
        if kind == "json" {
            return ((try? JSONSerialization.jsonObject(with: data)) as? [Any])?.count ?? 0
        }
        let lines = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        return kind == "csv" ? max(lines.count - 1, 0) : lines.count
    }
}

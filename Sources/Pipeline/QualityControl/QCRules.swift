import Foundation
import PFBotCore

/// Every template file is still there and not empty, and each concrete deliverable a requirement names exists
/// (a CSV with at least N rows, a screenshot, a file of a kind).
struct DeliverablesRule: QCRule {
    let name = "deliverables"
    static let imageExtensions = ["png", "jpg", "jpeg", "gif", "webp", "svg"]

    func evaluate(_ input: QCInput) -> QCRuleResult {
        var problems: [QCAnnotation] = []
        for path in input.templatePaths where (input.files[path]?.isEmpty ?? true) {
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

/// Files are within the size limits.
struct SizeRule: QCRule {
    let name = "size"

    func evaluate(_ input: QCInput) -> QCRuleResult {
        var annotations: [QCAnnotation] = []
        var total = 0
        for path in Set(input.changedPaths + input.taskFiles.map(\.path)).sorted() {
            guard let size = input.files[path]?.count else { continue }
            total += size
            if size > input.rules.maxFileBytes {
                annotations.append(QCAnnotation(path: path, line: 1, level: .failure, message: "\(path) is \(size) bytes; the limit is \(input.rules.maxFileBytes) (qc.max_file_bytes)."))
            }
        }
        if total > input.rules.maxTotalBytes {
            annotations.append(QCAnnotation(path: input.folder + "/README.md", line: 1, level: .failure,
                                            message: "The branch adds \(total) bytes; the limit is \(input.rules.maxTotalBytes) (qc.max_total_bytes)."))
        }
        return QCRuleResult(rule: name, passed: annotations.isEmpty, summary: "\(total) bytes in \(input.taskFiles.count) task file(s)", annotations: annotations)
    }
}

/// The evidence type the task asks for is there.
struct EvidenceRule: QCRule {
    let name = "evidence"
    static let sourceExtensions = ["swift", "py", "js", "ts", "go", "rs", "java", "kt", "c", "cpp", "h", "rb", "sh", "sql", "ipynb"]

    func evaluate(_ input: QCInput) -> QCRuleResult {
        let type = input.task.submissionRequirement?.type ?? .url
        let files = input.taskFiles
        let present: Bool
        let detail: String
        switch type {
        case .url, .githubCommit, .mixed:
            (present, detail) = (true, "the merged pull request is submitted as \(type) evidence")
        case .screenshot:
            present = files.contains { DeliverablesRule.imageExtensions.contains(($0.path as NSString).pathExtension.lowercased()) }
            detail = present ? "an image is committed" : "the task asks for a screenshot; commit an image under \(input.folder)/"
        case .file:
            present = files.contains { !["md", "markdown"].contains(($0.path as NSString).pathExtension.lowercased()) }
            detail = present ? "a deliverable file is committed" : "the task asks for a file; commit it under \(input.folder)/"
        case .code:
            present = input.changedPaths.contains { Self.sourceExtensions.contains(($0 as NSString).pathExtension.lowercased()) }
            detail = present ? "source files changed" : "the task asks for code; the branch changes no source file"
        case .text:
            let summary = input.files[input.folder + "/SUBMISSION.md"].map { String(decoding: $0, as: UTF8.self) } ?? ""
            let words = summary.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.contains(TemplateRenderer.placeholderMarker) }
                .flatMap { $0.split(separator: " ") }.count
            present = words >= 20
            detail = present ? "SUBMISSION.md has \(words) words of text" : "the task asks for text; write at least 20 words in SUBMISSION.md"
        }
        let annotations = present ? [] : [QCAnnotation(path: input.folder + "/SUBMISSION.md", line: 1, level: .failure, message: detail)]
        return QCRuleResult(rule: name, passed: present, summary: detail, annotations: annotations)
    }
}

import Foundation
import PFBotCore

/// Files are within the size limits.
struct SizeRule: QCRule {
    let name = "size"

    func evaluate(_ input: QCInput) -> QCRuleResult {
        var annotations: [QCAnnotation] = []
        var total = 0
        for path in Set(input.changedPaths + input.taskFiles.map(\.path)).sorted() {
            guard let size = input.sizes[path] else { continue }
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

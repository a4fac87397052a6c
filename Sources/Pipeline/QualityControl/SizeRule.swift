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
        return QCRuleResult(rule: name, passed: annotations.isEmpty, summary: "\(total) bytes in \(input.taskFiles.count) task file(s)" + Self.unreadNote(input),
                            annotations: annotations)
    }

    /// Names the files QC did not read (past `qc.read_file_bytes` or `qc.read_budget_bytes`), largest first, with
    /// their sizes from the tree; empty when every file was read.
    static func unreadNote(_ input: QCInput, shown: Int = 10) -> String {
        let unread = input.treeSizes.filter { input.files[$0.key] == nil }.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
        guard !unread.isEmpty else { return "" }
        var listed = unread.prefix(shown).map { "`\($0.key)` (\($0.value) bytes)" }
        if unread.count > shown { listed.append("and \(unread.count - shown) more") }
        return "; \(unread.count) file(s) judged by their size alone, not read (past qc.read_file_bytes or qc.read_budget_bytes): "
            + listed.joined(separator: ", ")
    }
}

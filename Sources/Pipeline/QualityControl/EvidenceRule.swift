import Foundation
import Markdown
import PFBotCore

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
            let words = Self.words(of: input.markdown(input.folder + "/" + SubmissionEvidence.fileName))
            present = words >= 20
            detail = present ? "SUBMISSION.md has \(words) words of text" : "the task asks for text; write at least 20 words in SUBMISSION.md"
        }
        let annotations = present ? [] : [QCAnnotation(path: input.folder + "/SUBMISSION.md", line: 1, level: .failure, message: detail)]
        return QCRuleResult(rule: name, passed: present, summary: detail, annotations: annotations)
    }

    /// Words of a document's text: not headings, code or HTML, nor a line that still holds a placeholder.
    static func words(of document: MarkdownDocument?) -> Int {
        let prose = document?.prose.filter { $0.block == .text } ?? []
        let placeholderLines = Set(prose.filter { $0.text.contains(TemplateRenderer.placeholderMarker) }.map(\.line))
        return prose.filter { !placeholderLines.contains($0.line) }.flatMap { $0.text.split(whereSeparator: \.isWhitespace) }.count
    }
}

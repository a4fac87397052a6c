import Foundation
import PFBotCore

/// Quality control: runs the configured rules on a task branch and produces the check-run verdict, summary
/// and annotations. Pure: the caller reads the branch (through the Git module) and publishes the result.
public struct QualityControl: Sendable {
    /// The name of the check run.
    public static let checkName = "pfbot / QC"

    let rules: [any QCRule] = [DeliverablesRule(), ChecklistRule(), PlaceholderRule(), MarkdownRule(), LinksRule(), SizeRule(), EvidenceRule()]

    /// Creates quality control with every built-in rule.
    public init() {}

    /// Runs every enabled rule, then the template pack's checks.
    public func evaluate(_ input: QCInput) -> QCReport {
        let enabled = Set(input.rules.enabledRules)
        return QCReport(results: (rules.filter { enabled.contains($0.name) } + input.packRules).map { $0.evaluate(input) })
    }
}

/// The outcome of a QC run.
public struct QCReport: Sendable, Equatable, Codable {
    /// Each enabled rule's verdict, in the order the rules ran.
    public var results: [QCRuleResult]
    /// What merging sends to Post Fiat (``SubmissionEvidence/preview``), when the task has a pull request.
    public var submissionPreview: String?
    /// The test command the `tests` rule waits for, while it runs in the workflow's separate steps job; the report
    /// is then not a verdict yet.
    public var waitsForTests: String?

    /// Creates a report from the rules' verdicts.
    public init(results: [QCRuleResult], submissionPreview: String? = nil) {
        self.results = results
        self.submissionPreview = submissionPreview
    }

    /// Whether every rule passed.
    public var passed: Bool { results.allSatisfy(\.passed) }

    /// The check run's conclusion: `success` or `failure`.
    public var conclusion: String { passed ? "success" : "failure" }

    /// Every annotation, failures first.
    public var annotations: [QCAnnotation] {
        results.flatMap(\.annotations).sorted { ($0.level == .failure ? 0 : 1, $0.path, $0.line) < ($1.level == .failure ? 0 : 1, $1.path, $1.line) }
    }

    /// A one-line title for the check run.
    public var title: String {
        let failed = results.filter { !$0.passed }.count
        return failed == 0 ? "All \(results.count) QC rules passed" : "\(failed) of \(results.count) QC rules failed"
    }

    /// The Markdown report, at most `limit` characters: built here only, it is the check run's summary, the sticky
    /// comment on the pull request (below its hidden marker, hence a default under GitHub's 65,536) and what
    /// `pfbot qc --output` writes.
    public func markdown(limit: Int = 65_000) -> String {
        var lines = ["## \(title)", "", "| rule | result | details |", "|---|---|---|"]
        for result in results {
            lines.append("| \(result.rule) | \(result.passed ? "✅ pass" : "❌ fail") | \(result.summary.replacingOccurrences(of: "|", with: "\\|")) |")
        }
        let problems = annotations
        if !problems.isEmpty {
            lines += ["", "### What to fix", ""]
            lines += problems.map { "- `\($0.path):\($0.line)` — \($0.message)" }
        }
        if let submissionPreview { lines += ["", submissionPreview] }
        let text = lines.joined(separator: "\n")
        guard text.count > limit else { return text }
        let note = "\n\n… report cut at \(limit) characters; run `pfbot qc` for all of it."
        return String(text.prefix(limit - note.count)) + note
    }
}

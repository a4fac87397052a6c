import Foundation
import Markdown
import PFBotCore

/// The Markdown body of a task's issue: a hidden marker (so the issue is found again and never duplicated),
/// the task text as inert quoted data, the requirement checklist, and the analysis with its reasons.
public enum IssueBody {
    /// The hidden marker for a task, e.g. `<!-- pfbot:task=task_0123… -->`.
    public static func marker(for id: TaskID) -> String { "<!-- pfbot:task=\(id.rawValue) -->" }

    /// The task id named by a body's marker, if any.
    public static func taskID(in body: String) -> TaskID? {
        guard let start = body.range(of: "<!-- pfbot:task=") else { return nil }
        let rest = body[start.upperBound...]
        guard let end = rest.range(of: " -->") else { return nil }
        return try? TaskID(String(rest[..<end.lowerBound]))
    }

    /// Everything pfbot shows about a task.
    public struct Content: Sendable {
        /// The task as the Task Node has it.
        public var task: PostFiatTask
        /// The Analyzer's checklist, category, estimate and return.
        public var analysis: TaskAnalysis
        /// The task branch, once work has started.
        public var branch: String?
        /// The task's pull request, once it has one.
        public var pullNumber: Int?
        /// The task's 1-based place in the work queue, when it is queued.
        public var queuePosition: Int?
        /// The GitHub logins the issue mentions.
        public var assignees: [String]
        /// The template pack the branch was scaffolded from, as `name (origin)`, once work has started.
        public var pack: String?
        /// Why that pack was the best match (``PackChoice/reason``).
        public var packReason: String?

        /// Creates the content; what a task does not have yet is left out.
        public init(task: PostFiatTask, analysis: TaskAnalysis, branch: String? = nil, pullNumber: Int? = nil, queuePosition: Int? = nil, assignees: [String] = [],
                    pack: String? = nil, packReason: String? = nil) {
            self.task = task
            self.analysis = analysis
            self.branch = branch
            self.pullNumber = pullNumber
            self.queuePosition = queuePosition
            self.assignees = assignees
            self.pack = pack
            self.packReason = packReason
        }
    }

    /// The issue title: `[PF] <title>`, single line, at most 200 characters.
    public static func title(for task: PostFiatTask) -> String {
        "[PF] " + InertText.singleLine(task.title, limit: 190)
    }

    /// Renders the body. Checklist items keep the ticks people made (`checked`, read from the current body).
    public static func render(_ content: Content, checked: Set<Int> = []) -> String {
        let task = content.task
        let analysis = content.analysis
        var lines = [marker(for: task.id), ""]
        lines.append("**Post Fiat task** `\(task.id.rawValue)` · \(task.kind.name) · **\(task.reward.decimalText) PFT** · state **\(task.state.rawValue)**")
        if let due = task.effectiveDeadline { lines.append("Due \(ISO8601DateFormatter().string(from: due))") }
        if !content.assignees.isEmpty { lines.append("Assignees: " + content.assignees.map { "@\($0)" }.joined(separator: " ")) }
        lines += ["", "### Task", ""] + quoted(task.description)
        if !task.steps.isEmpty {
            lines += ["", "### Steps", ""] + task.steps.enumerated().map { "\($0.offset + 1). \(escapeInline($0.element))" }
        }
        if let ask = task.verificationAsk, !ask.isEmpty {
            lines += ["", "### Verification", ""] + quoted(ask)
        }
        if let requirement = task.submissionRequirement {
            lines += ["", "Evidence asked for: **\(escapeInline(requirement.rawType))**" + (requirement.criteria.isEmpty ? "" : " — \(escapeInline(requirement.criteria))")]
        }
        lines += ["", "### Requirements", ""]
        lines += analysis.requirements.map { "- [\(checked.contains($0.id) || $0.isChecked ? "x" : " ")] \($0.id). \(escapeInline($0.text))" }
        if analysis.requirements.isEmpty { lines.append("_No explicit requirements found; the task text above is the requirement._") }
        lines += ["", "### Analysis", ""]
        lines.append("- Category: **\(analysis.category.rawValue)**" + (analysis.categorySignals.isEmpty ? " (no strong signal)" : " — " + analysis.categorySignals.joined(separator: ", ")))
        lines.append("- Complexity: **\(analysis.complexity)/10**; estimate **\(format(analysis.estimate.hours)) h**")
        lines += analysis.estimate.reasons.map { "  - \(escapeInline($0))" }
        lines.append("- ROI: **\(format(analysis.returnOnInvestment)) PFT/h**")
        if let position = content.queuePosition { lines.append("- Queue position: **\(position)**") }
        var work: [String] = []
        if let branch = content.branch { work.append("branch `\(branch)`") }
        if let pull = content.pullNumber { work.append("pull request #\(pull)") }
        if !work.isEmpty { lines += ["", "Work: " + work.joined(separator: ", ")] }
        if let pack = content.pack {
            lines.append("Template pack: " + escapeInline(InertText.singleLine(pack, limit: 200))
                         + (content.packReason.map { ", chosen for " + escapeInline(InertText.singleLine($0, limit: 500)) } ?? "") + ".")
        }
        if let next = nextStep(task.state, pullNumber: content.pullNumber) { lines += ["", "**Next:** " + next] }
        lines += ["", "<sub>Managed by pfbot. Commands: `/pf help`.</sub>"]
        return limited(lines.joined(separator: "\n"))
    }

    /// What the people on the issue do next in `state`; `nil` once the task is over. The body says it, so state
    /// changes need no comment of their own.
    static func nextStep(_ state: TaskState, pullNumber: Int?) -> String? {
        let pull = pullNumber.map { "pull request #\($0)" } ?? "the task's pull request"
        switch state {
        case .proposed: return "reply `/pf accept` to take the task (pfbot creates the branch, templates and a draft pull request) or `/pf refuse <reason>`."
        case .accepted: return "pfbot is creating the branch, the templates and a draft pull request."
        case .mirrored, .inProgress: return "do the work on the branch, then mark \(pull) ready for review."
        case .qcFailed: return "fix what the `pfbot / QC` check lists on \(pull) and push."
        case .qcPassed: return "review and merge \(pull); merging submits the work to Post Fiat."
        case .merged, .submitted: return "the Post Fiat reviewer reads the submission; a question or the reward shows up here."
        case .verificationRequested: return "answer the reviewer's question with `/pf verify <your answer>`."
        case .verificationResponseSubmitted, .rewardDecided: return "the Post Fiat reviewer decides the reward."
        case .unknown: return "nothing: the Task Node reports a state it does not know itself; pfbot waits for a known one."
        case .rewarded, .refused, .cancelled, .expired, .rejected: return nil
        }
    }

    /// Numbers of the ticked checklist items in a body (`- [x] 3. …`), read from its task list. Items inside a quote
    /// are the task's own text, which the body quotes, so they never count.
    public static func checkedItems(in body: String) -> Set<Int> {
        let items = MarkdownDocument(parsing: body, limit: maximumBodyBytes).taskItems
        return Set(items.filter { $0.isChecked && !$0.isQuoted }.compactMap { Int($0.text.prefix(while: \.isNumber)) })
    }

    /// The most bytes of a body read for ticks: GitHub's 65,536 characters at 4 bytes each.
    static let maximumBodyBytes = 262_144

    /// Text as a Markdown quote, each line inert: cleaned, with HTML and mentions defused.
    static func quoted(_ text: String) -> [String] {
        let cleaned = InertText.clean(text, limit: 30_000)
        guard !cleaned.isEmpty else { return ["> _(empty)_"] }
        return cleaned.split(separator: "\n", omittingEmptySubsequences: false).map { "> " + escapeInline(String($0)) }
    }

    /// Defuses HTML tags, comment markers and @mentions so task text cannot hide content, forge a marker or ping people.
    static func escapeInline(_ text: String) -> String {
        InertText.clean(text, limit: 5000)
            .replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "@", with: "@\u{200B}")
    }

    /// GitHub refuses bodies over 65,536 characters.
    static func limited(_ body: String, limit: Int = 65_000) -> String {
        guard body.count > limit else { return body }
        return String(body.prefix(limit)) + "\n\n_…cut to fit GitHub's limit; the full task is on the Task Node._"
    }

    static func format(_ value: Double) -> String { String(format: "%.1f", value) }
}

import Foundation
import PFBotCore
import PostFiat

/// The evidence a merged task goes to Post Fiat with: the contributor's `SUBMISSION.md` and the merged work as
/// `url` items, the only kind the Task Node's reviewer fetches and checks (protocol §4.4; a `github_commit` item
/// would be recorded as self-attested).
///
/// - A task that asks for `text` sends the text of `SUBMISSION.md` and the pull request's URL (its notes name the
///   merge commit's URL).
/// - Any other task sends the pull request's URL, with `SUBMISSION.md` as its notes, and the merge commit's URL.
///
/// Two items at most, as the Task Node's reference client sends. Before the merge, the merge commit is not known:
/// ``preview`` shows the same items with that URL named, which is what the QC check shows the reviewer of the pull
/// request.
public struct SubmissionEvidence: Sendable, Equatable {
    /// The file, in the task's folder, whose text is the submission.
    public static let fileName = "SUBMISSION.md"
    /// The most of `SUBMISSION.md` that is read (bytes); the Task Node keeps at most 120,000 characters of a value.
    public static let readLimit = 512 * 1024

    /// The evidence type the task asks for (`nil`: the task names none).
    public var requirement: EvidenceType?
    /// The text of `SUBMISSION.md` as committed, or `nil` when the branch has none.
    public var text: String?
    /// The task's pull request.
    public var pullNumber: Int
    /// The pull request's web page.
    public var pullURL: String
    /// The submitted commit's web page (the merge commit, or the head for `/pf submit`); `nil` before the merge.
    public var commitURL: String?

    /// Creates the evidence of a task's work.
    public init(requirement: EvidenceType?, text: String?, pullNumber: Int, pullURL: String, commitURL: String?) {
        self.requirement = requirement
        self.text = text.map { InertText.clean($0, limit: Evidence.maximumValueLength).trimmingCharacters(in: .whitespacesAndNewlines) }
            .flatMap { $0.isEmpty ? nil : $0 }
        self.pullNumber = pullNumber
        self.pullURL = pullURL
        self.commitURL = commitURL
    }

    /// The items sent to the Task Node.
    /// - Throws: ``TaskNodeError/invalidEvidence(_:)`` when an item cannot be sent (e.g. no merge commit yet).
    public func items() throws -> [Evidence] {
        guard let commitURL else { throw TaskNodeError.invalidEvidence("the work is not merged yet; evidence names the merge commit") }
        return try items(commitURL: commitURL)
    }

    /// The items as the reviewer of the pull request sees them before the merge, in Markdown.
    public var preview: String {
        let shown = (try? items(commitURL: commitURL ?? "(the merge commit's URL, known when the pull request is merged)")) ?? []
        var lines = ["### What will be submitted", "",
                     "When this pull request is merged, pfbot sends Post Fiat these \(shown.count) evidence items:"]
        for (index, item) in shown.enumerated() {
            lines += ["", "**\(index + 1). `\(item.type.rawValue)`** — " + (item.type == .url ? item.value : "\(item.value.count) characters:")]
            if item.type != .url { lines.append(Self.fenced(item.value)) }
            if let notes = item.notes { lines += ["", "Notes:", Self.fenced(notes)] }
        }
        if text == nil {
            lines += ["", "`\(Self.fileName)` is missing or empty: write the summary the reviewer reads there."]
        }
        return lines.joined(separator: "\n")
    }

    /// One line per item for the submission comment.
    public static func summaryLines(_ items: [Evidence]) -> [String] {
        items.map { $0.type == .url ? $0.value : "\($0.type.rawValue): \($0.value.count) characters of \(fileName)" }
    }

    private func items(commitURL: String) throws -> [Evidence] {
        if requirement == .text, let text {
            return [try Evidence(type: .text, value: text),
                    try Evidence(type: .url, value: pullURL, notes: "Pull request #\(pullNumber), merged as \(commitURL)")]
        }
        let notes = text.map(Self.notes) ?? "Pull request #\(pullNumber); its \(Self.fileName) is empty."
        return [try Evidence(type: .url, value: pullURL, notes: notes),
                try Evidence(type: .url, value: commitURL, notes: "The commit submitted: the merge of pull request #\(pullNumber) (or its head, for `/pf submit`).")]
    }

    /// `SUBMISSION.md` as notes: cut to the Task Node's limit with a pointer to the whole file.
    static func notes(_ text: String) -> String {
        guard text.count > Evidence.maximumNotesLength else { return text }
        let tail = "\n\n… cut; the whole \(fileName) is in the pull request."
        return String(text.prefix(Evidence.maximumNotesLength - tail.count)) + tail
    }

    /// Text in a Markdown fence longer than any backtick run inside it.
    static func fenced(_ text: String) -> String {
        var longest = 0, run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        return fence + "text\n" + text + "\n" + fence
    }
}

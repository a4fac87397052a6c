import Foundation
import PFBotCore

/// Reads a task's text into a numbered requirement checklist.
///
/// Each step is a requirement. In the description, the verification ask and the submission criteria,
/// numbered or bulleted lines are requirements, and so are sentences that ask for something ("must",
/// "should", "include", "provide", "submit" …). Concrete deliverables — a CSV of at least N rows, a
/// screenshot, a URL, a commit — are recognised and attached.
public struct RequirementExtractor: Sendable {
    /// The most requirements kept from one task; hostile 1 MB descriptions do not make 10,000-item checklists.
    public var maximumCount = 40
    /// The longest requirement text kept.
    public var maximumLength = 400

    static let askingWords = [
        "must", "should", "include", "provide", "submit", "deliver", "ensure", "need to", "needs to", "required", "create",
        "write", "add", "document", "publish", "share", "attach", "explain", "describe", "list", "build", "implement",
    ]

    /// Creates an extractor with the built-in action verbs.
    public init() {}

    /// The checklist for `task`, numbered from 1.
    public func requirements(for task: PostFiatTask) -> [Requirement] {
        var items: [(String, Requirement.Source)] = []
        items += task.steps.map { ($0, .step) }
        items += candidates(in: task.description).map { ($0, .description) }
        if let ask = task.verificationAsk { items += candidates(in: ask).map { ($0, .verification) } }
        if let criteria = task.submissionRequirement?.criteria { items += candidates(in: criteria).map { ($0, .submission) } }

        var seen = Set<String>()
        var result: [Requirement] = []
        for (raw, source) in items {
            let text = InertText.singleLine(raw, limit: maximumLength)
            let key = text.lowercased().filter { $0.isLetter || $0.isNumber }
            guard text.count >= 3, !key.isEmpty, seen.insert(key).inserted else { continue }
            result.append(Requirement(id: result.count + 1, text: text, source: source, deliverable: DeliverableDetector.detect(in: text)))
            if result.count == maximumCount { break }
        }
        return result
    }

    /// Requirement-like pieces of free text: list items, or sentences that ask for something.
    func candidates(in text: String) -> [String] {
        let lines = InertText.clean(text, limit: 200_000).split(whereSeparator: \.isNewline).map { String($0) }
        let listItems = lines.compactMap(Self.listItem)
        if !listItems.isEmpty { return listItems }
        return Self.sentences(in: lines.joined(separator: " ")).filter(Self.asksForSomething)
    }

    /// The text of a `1.`, `1)`, `-`, `*`, `•` or `[ ]` list line, without its marker.
    static func listItem(_ line: String) -> String? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        for marker in ["- [ ] ", "- [x] ", "* [ ] ", "- ", "* ", "• ", "+ "] where trimmed.hasPrefix(marker) {
            return String(trimmed.dropFirst(marker.count))
        }
        let digits = trimmed.prefix(while: \.isNumber)
        guard !digits.isEmpty, digits.count <= 3 else { return nil }
        let rest = trimmed.dropFirst(digits.count)
        guard let marker = rest.first, marker == "." || marker == ")", rest.dropFirst().first == " " else { return nil }
        return String(rest.dropFirst(2))
    }

    static func sentences(in text: String) -> [String] {
        var result: [String] = []
        var current = ""
        var previous: Character = " "
        for character in text {
            current.append(character)
            if (previous == "." || previous == "!" || previous == "?" || previous == ";"), character == " " {
                result.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            }
            previous = character
        }
        let last = current.trimmingCharacters(in: .whitespaces)
        if !last.isEmpty { result.append(last) }
        return result
    }

    static func asksForSomething(_ sentence: String) -> Bool {
        let lowered = " " + sentence.lowercased() + " "
        return askingWords.contains { lowered.contains(" \($0) ") || lowered.contains(" \($0),") }
    }
}

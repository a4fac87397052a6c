import Foundation
import PFBotCore

/// What packs read from a task's text beyond its requirements: flow mentions, questions, named columns and platforms.
/// Everything returned is data: columns are reduced to snake_case, questions are cleaned single lines.
struct TaskSignals: Sendable {
    /// The title, description, steps and verification ask, joined.
    let text: String
    let analysis: TaskAnalysis

    init(task: PostFiatTask, analysis: TaskAnalysis) {
        self.analysis = analysis
        text = ([task.title, task.description] + task.steps + [task.verificationAsk ?? ""]).joined(separator: "\n")
    }

    /// Whether the task mentions a flow or architecture worth a diagram.
    var mentionsFlow: Bool {
        let lower = text.lowercased()
        return ["flow", "architecture", "pipeline", "sequence", "diagram", "lifecycle", "state machine"].contains { lower.contains($0) }
    }

    /// Sentences ending in `?`; the requirements (with their ids) when the task asks none.
    var questions: [(text: String, requirement: Int?)] {
        let asked = text.components(separatedBy: CharacterSet(charactersIn: "\n.!"))
            .flatMap { $0.split(separator: "?", omittingEmptySubsequences: false).dropLast().map { String($0) + "?" } }
            .map { InertText.singleLine($0.trimmingCharacters(in: .whitespaces), limit: 300) }
            .filter { $0.count > 3 }
        return asked.isEmpty ? analysis.requirements.map { (InertText.singleLine($0.text, limit: 300), $0.id) } : asked.map { ($0, nil) }
    }

    /// The CSV columns the task names after `columns` or `fields` (`with columns a, b and c`), snake_case.
    var namedColumns: [String] {
        let lower = text.lowercased()
        for keyword in ["columns", "fields", "column"] {
            guard let range = lower.range(of: keyword) else { continue }
            var rest = lower[range.upperBound...].prefix { $0 != "." && $0 != "\n" }
            for lead in [":", " named", " called", " for", " —", " -", " of"] where rest.hasPrefix(lead) { rest = rest.dropFirst(lead.count) }
            let names = rest.replacingOccurrences(of: " and ", with: ",").split(whereSeparator: { $0 == "," || $0 == ";" })
                .map { Self.snakeCase(String($0)) }.filter { !$0.isEmpty }
            var unique: [String] = []
            for name in names where !unique.contains(name) { unique.append(name) }
            if unique.count >= 2 { return Array(unique.prefix(40)) }
        }
        return []
    }

    /// The row count a requirement names for a CSV file, else the largest `N rows|records|entries` in the text.
    var rowCount: Int? {
        let named = analysis.requirements.compactMap { requirement -> Int? in
            if case .file(let kind, let minimum) = requirement.deliverable, kind == "csv" { return minimum }
            return nil
        }.max()
        if let named { return named }
        let words = text.lowercased().split { !$0.isLetter && !$0.isNumber }
        return zip(words, words.dropFirst()).compactMap { number, unit in
            ["rows", "records", "entries", "lines"].contains(unit) ? Int(number).flatMap { $0 > 0 && $0 <= 1_000_000 ? $0 : nil } : nil
        }.max()
    }

    /// Known platforms the task names, with their post length limits; X and LinkedIn when none is named.
    var platforms: [(name: String, label: String, limit: Int)] {
        let lower = " " + text.lowercased().replacingOccurrences(of: "\n", with: " ") + " "
        let found = Self.knownPlatforms.filter { platform in platform.words.contains { lower.contains($0) } }
        let chosen = found.isEmpty ? Self.knownPlatforms.filter { ["x", "linkedin"].contains($0.name) } : found
        return chosen.map { ($0.name, $0.label, $0.limit) }
    }

    /// Post length limits in characters, as each platform documents them.
    static let knownPlatforms: [(name: String, label: String, limit: Int, words: [String])] = [
        ("x", "X", 280, ["twitter", "tweet", " x ", " x.com", " x/"]),
        ("linkedin", "LinkedIn", 3000, ["linkedin"]),
        ("mastodon", "Mastodon", 500, ["mastodon", "fediverse"]),
        ("bluesky", "Bluesky", 300, ["bluesky", "bsky"]),
        ("threads", "Threads", 500, ["threads.net", "instagram threads", "meta threads"]),
        ("discord", "Discord", 2000, ["discord"]),
        ("telegram", "Telegram", 4096, ["telegram"]),
        ("reddit", "Reddit", 40000, ["reddit", "subreddit"]),
    ]

    /// A Table Schema type and format guessed from a column name.
    static func fieldType(_ name: String) -> (type: String, format: String) {
        let parts = Set(name.split(separator: "_").map(String.init))
        if !parts.isDisjoint(with: ["date", "day", "at", "since", "until"]) { return ("date", "default") }
        if !parts.isDisjoint(with: ["url", "link", "website", "homepage"]) { return ("string", "uri") }
        if !parts.isDisjoint(with: ["count", "number", "amount", "total", "uptime", "percent", "score", "price", "rows", "age", "pft", "reward"]) {
            return ("number", "default")
        }
        return ("string", "default")
    }

    /// `Last Seen (UTC)` → `last_seen_utc`; at most four words.
    static func snakeCase(_ text: String) -> String {
        let words = text.lowercased().split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        let stop: Set<Substring> = ["a", "an", "the", "with", "and", "columns", "column"]
        let kept = words.filter { !stop.contains($0) }.prefix(4)
        guard kept.count <= 4, let first = kept.first?.first, first.isLetter else { return "" }
        return kept.joined(separator: "_")
    }
}

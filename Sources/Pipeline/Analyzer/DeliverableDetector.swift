import Foundation
import PFBotCore

/// Recognises the concrete thing a requirement asks for.
enum DeliverableDetector {
    static let fileKinds = ["csv", "json", "pdf", "md", "markdown", "xlsx", "png", "jpg", "svg", "ipynb", "yaml", "txt", "mp4", "zip"]

    static func detect(in text: String) -> Deliverable? {
        let lowered = text.lowercased()
        if let url = firstURL(in: text) { return .url(url) }
        if lowered.contains("screenshot") || lowered.contains("screen shot") || lowered.contains("screen capture") { return .screenshot }
        for kind in fileKinds where containsWord(lowered, kind) || lowered.contains(".\(kind)") {
            return .file(kind: kind == "markdown" ? "md" : kind, minimumCount: minimumCount(in: lowered))
        }
        if lowered.contains("commit") || lowered.contains("pull request") || containsWord(lowered, "pr") { return .githubCommit }
        if containsWord(lowered, "tests") || containsWord(lowered, "unit test") || lowered.contains("code") && lowered.contains("run") {
            return .code
        }
        return nil
    }

    /// "at least 20", "≥ 20", ">= 20", "minimum of 20", "20+ rows".
    static func minimumCount(in lowered: String) -> Int? {
        let patterns = [
            #"(?:at least|≥|>=|minimum of|min\.?|no fewer than)\s*(\d{1,7})"#,
            #"(\d{1,7})\s*\+\s*(?:rows|entries|items|records|lines)"#,
            #"(\d{1,7})\s+(?:or more)\s"#,
        ]
        for pattern in patterns {
            guard let regex = try? NSRegularExpression(pattern: pattern) else { continue }
            let range = NSRange(lowered.startIndex..., in: lowered)
            if let match = regex.firstMatch(in: lowered, range: range), let numberRange = Range(match.range(at: 1), in: lowered) {
                return Int(lowered[numberRange])
            }
        }
        return nil
    }

    static func firstURL(in text: String) -> String? {
        for word in text.split(whereSeparator: { $0 == " " || $0 == "(" || $0 == ")" || $0 == "<" || $0 == ">" }) {
            var candidate = String(word)
            while let last = candidate.last, ".,;:!?\"'".contains(last) { candidate.removeLast() }
            if (candidate.hasPrefix("https://") || candidate.hasPrefix("http://")), let url = URL(string: candidate), url.host != nil {
                return candidate
            }
        }
        return nil
    }

    static func containsWord(_ text: String, _ word: String) -> Bool {
        var searchRange = text.startIndex..<text.endIndex
        while let found = text.range(of: word, range: searchRange) {
            let before = found.lowerBound == text.startIndex ? " " : text[text.index(before: found.lowerBound)]
            let after = found.upperBound == text.endIndex ? " " : text[found.upperBound]
            if !before.isLetter, !before.isNumber, !after.isLetter, !after.isNumber { return true }
            searchRange = found.upperBound..<text.endIndex
        }
        return false
    }
}

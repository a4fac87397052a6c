import PFBotCore

/// Picks a task's ``Category`` from weighted word signals, keeping the signals that decided it.
public struct CategoryClassifier: Sendable {
    /// Words and their weight per category; a title match counts double.
    static let signals: [Category: [(String, Int)]] = [
        .code: [("implement", 3), ("code", 2), ("function", 2), ("api", 2), ("bug", 3), ("refactor", 3), ("script", 2), ("library", 2),
                ("test", 1), ("repository", 1), ("swift", 2), ("python", 2), ("typescript", 2), ("rust", 2), ("endpoint", 2),
                ("deploy", 2), ("cli", 2), ("github", 1), ("pull request", 2), ("compile", 2), ("unit test", 3)],
        .docs: [("documentation", 3), ("docs", 3), ("guide", 3), ("tutorial", 3), ("readme", 3), ("write-up", 2), ("explain", 1),
                ("how-to", 3), ("faq", 3), ("onboarding", 2), ("article", 2), ("blog", 2), ("markdown", 1)],
        .research: [("research", 3), ("analyze", 2), ("analysis", 2), ("investigate", 3), ("compare", 2), ("survey", 2), ("report", 2),
                    ("study", 2), ("literature", 3), ("evaluate", 2), ("benchmark", 2), ("findings", 2), ("sources", 1)],
        .design: [("design", 3), ("mockup", 3), ("wireframe", 3), ("figma", 3), ("logo", 3), ("ui", 2), ("ux", 2), ("illustration", 3),
                  ("diagram", 2), ("visual", 2), ("brand", 2), ("screenshot", 1)],
        .data: [("dataset", 3), ("csv", 3), ("data", 2), ("spreadsheet", 3), ("scrape", 3), ("rows", 2), ("records", 1), ("sql", 2),
                ("chart", 1), ("clean", 1), ("label", 1), ("json", 1)],
        .outreach: [("tweet", 3), ("twitter", 3), ("post", 1), ("discord", 2), ("community", 2), ("outreach", 3), ("share", 1),
                    ("social", 3), ("newsletter", 3), ("interview", 2), ("recruit", 3), ("thread", 1), ("x.com", 3), ("marketing", 3)],
    ]

    /// Creates a classifier with the built-in keyword weights.
    public init() {}

    /// The category and the signals (`"implement" ×2 in title`) that chose it; `.other` when nothing matched.
    public func classify(_ task: PostFiatTask) -> (category: Category, signals: [String]) {
        let title = task.title.lowercased()
        let body = ([task.description] + task.steps + [task.verificationAsk ?? "", task.submissionRequirement?.criteria ?? ""])
            .joined(separator: "\n").lowercased()
        var best: (Category, Int, [String]) = (.other, 0, [])
        for category in Category.allCases where category != .other {
            var score = 0
            var matched: [String] = []
            for (word, weight) in Self.signals[category] ?? [] {
                let inTitle = DeliverableDetector.containsWord(title, word)
                let inBody = DeliverableDetector.containsWord(body, word)
                guard inTitle || inBody else { continue }
                score += weight * (inTitle ? 2 : 1)
                matched.append("\"\(word)\"\(inTitle ? " in title" : "")")
            }
            if task.submissionRequirement?.type == .githubCommit || task.submissionRequirement?.type == .code, category == .code {
                score += 3
                matched.append("submission type \(task.submissionRequirement?.rawType ?? "")")
            }
            if task.submissionRequirement?.type == .screenshot, category == .design {
                score += 1
                matched.append("submission type screenshot")
            }
            if score > best.1 { best = (category, score, matched) }
        }
        return (best.0, best.2)
    }
}

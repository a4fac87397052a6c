import Foundation
import PFBotCore

/// What one run of a task's steps did, as the "pfbot / steps" check shows it.
struct StepsReport {
    /// The trailer naming each step whose output a commit holds.
    static let trailerKey = "Pfbot-Step"

    /// One step and how it ended.
    struct Run {
        var step: PackStep
        var outcome: StepOutcome
    }

    var runs: [Run]
    /// Every path of the commit the steps ran on (failing lines are annotated only on these).
    var tree: Set<String>
    /// The commit holding the steps' outputs, when one was pushed.
    var commit: String?
    /// Why nothing was committed although outputs changed.
    var note: String?

    /// Whether every step exited with status 0.
    var passed: Bool { runs.allSatisfy(\.outcome.succeeded) }

    var title: String {
        let failed = runs.filter { !$0.outcome.succeeded }.count
        return failed == 0 ? "All \(runs.count) steps passed" : "\(failed) of \(runs.count) steps failed"
    }

    /// The summary: a table of the steps, what was committed, and each step's log tail; at most `limit` characters.
    func markdown(limit: Int = 65_535) -> String {
        var lines = ["## \(title)", "", "| step | result | time |", "|---|---|---|"]
        for run in runs {
            lines.append("| \(run.step.name) | \(run.outcome.succeeded ? "✅" : "❌") \(run.outcome.statusText) | \(run.outcome.duration.components.seconds) s |")
        }
        lines.append("")
        if let commit { lines.append("Committed the outputs in `\(commit.prefix(12))` (trailer `\(Self.trailerKey)`).") }
        if let note { lines.append(note) }
        let each = max(500, (limit - 2000) / max(1, runs.count))
        for run in runs {
            lines += ["", "### \(run.step.name)", "", "`\(run.step.run.replacingOccurrences(of: "`", with: "'"))`", "", "```"]
            lines.append(String(run.outcome.tail.suffix(each)).replacingOccurrences(of: "```", with: "'''"))
            lines.append("```")
        }
        let text = lines.joined(separator: "\n")
        return text.count > limit ? String(text.prefix(limit - 40)) + "\n… cut at \(limit) characters" : text
    }

    /// Failing lines of failed steps that name a file of the commit as `path:line:` (compilers, linters, test runners).
    var annotations: [QCAnnotation] {
        var found: [QCAnnotation] = []
        for run in runs where !run.outcome.succeeded {
            for line in run.outcome.tail.split(whereSeparator: \.isNewline) {
                let parts = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
                guard parts.count == 3, let number = Int(parts[1]), number > 0 else { continue }
                let path = parts[0].hasPrefix("./") ? String(parts[0].dropFirst(2)) : String(parts[0])
                guard tree.contains(path) else { continue }
                found.append(QCAnnotation(path: path, line: number, level: .failure,
                                          message: "step `\(run.step.name)`: " + InertText.singleLine(String(line), limit: 500)))
                if found.count == 50 { return found }
            }
        }
        return found
    }
}

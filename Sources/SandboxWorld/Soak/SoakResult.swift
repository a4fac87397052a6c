import Foundation

/// How a soak ended: counts from the emulators' own records, the faults they injected, and the stages where unfinished
/// tasks stalled. ``line`` is the one line `scripts/soak` ends with.
public struct SoakResult: Sendable {
    /// Tasks proposed.
    public var tasks: Int
    /// Tasks rewarded, their issue closed with the reward comment.
    public var done: Int
    /// Issues beyond one per task.
    public var duplicateIssues: Int
    /// pfbot comments repeated on an issue (same event marker).
    public var duplicateComments: Int
    /// Initial submissions beyond one per task, as the Task Node stored them.
    public var duplicateSubmissions: Int
    /// Pull requests beyond one per task branch.
    public var duplicatePulls: Int
    /// Verification responses beyond one per question.
    public var duplicateResponses: Int
    /// SIGKILLs of `pfbot serve`, each followed by a restart.
    public var restarts: Int
    /// Whether the time limit ended the soak.
    public var timedOut: Bool
    /// Wall time in seconds.
    public var seconds: Double
    /// Unfinished tasks by the stage they stalled at.
    public var stalled: [SoakStage: Int]
    /// Unfinished or failed tasks, one line each (id, issue, stage, error).
    public var lostTasks: [String]
    /// The repeated things, one line each.
    public var duplicates: [String]
    /// Faults injected, by kind (counted from the emulators' records).
    public var faults: [(kind: String, count: Int)]

    /// Tasks not done.
    public var lost: Int { tasks - done }

    /// No loss, no duplicate, no timeout.
    public var passed: Bool {
        lost == 0 && !timedOut && duplicateIssues == 0 && duplicateComments == 0 && duplicateSubmissions == 0 && duplicatePulls == 0
            && duplicateResponses == 0
    }

    /// `SOAK tasks=… done=… lost=… duplicate_issues=… duplicate_comments=… duplicate_submissions=… restarts=…`.
    public var line: String {
        "SOAK tasks=\(tasks) done=\(done) lost=\(lost) duplicate_issues=\(duplicateIssues) duplicate_comments=\(duplicateComments) "
            + "duplicate_submissions=\(duplicateSubmissions) restarts=\(restarts)"
    }

    /// The readable report printed before ``line``.
    public var table: String {
        var rows: [String] = []
        func row(_ name: String, _ value: String) { rows.append(name.padding(toLength: 58, withPad: " ", startingAt: 0) + value) }
        rows.append("pfbot soak: pfbot serve as a child process, SIGKILLed and restarted, emulators injecting faults")
        rows.append(String(repeating: "-", count: 72))
        row("tasks proposed", "\(tasks)")
        row("done (rewarded, issue closed)", "\(done)")
        row("lost", "\(lost)\(timedOut ? " (time limit reached)" : "")")
        row("duplicate issues", "\(duplicateIssues)")
        row("duplicate pfbot comments", "\(duplicateComments)")
        row("duplicate pull requests", "\(duplicatePulls)")
        row("duplicate initial submissions", "\(duplicateSubmissions)")
        row("duplicate verification responses", "\(duplicateResponses)")
        row("serve restarts after SIGKILL", "\(restarts)")
        row("wall time", String(format: "%.0f s", seconds))
        rows.append(String(repeating: "-", count: 72))
        rows.append("faults injected")
        for (kind, count) in faults { row("  " + kind, "\(count)") }
        if !stalled.isEmpty {
            rows.append("unfinished tasks by stage")
            for (stage, count) in stalled.sorted(by: { $0.key < $1.key }) { row("  \(stage)", "\(count)") }
        }
        for line in (lostTasks + duplicates).prefix(40) { rows.append("  ✗ " + line) }
        rows.append(String(repeating: "-", count: 72))
        return rows.joined(separator: "\n")
    }
}

import SandboxWorld

/// The demo's final table.
enum DemoTable {
    static func render(_ summary: DemoSummary) -> String {
        let header = ["task", "category", "offered", "final state", "reward", "issue", "PR", ""]
        let rows = summary.tasks.map(cells)
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        let format: ([String]) -> String = { cells in
            cells.enumerated().map { $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }.joined(separator: "  ")
        }
        var lines = [format(header), widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")]
        lines += rows.map(format)
        let verdict = summary.succeeded ? "every task ended as expected" : "some tasks did not end as expected"
        lines.append("\n\(summary.tasks.count) tasks, \(summary.submissions) submissions, \(String(format: "%.1f", summary.seconds)) s — \(verdict).")
        lines.append(summary.api.summaryLine + ".")
        lines.append("GitHub Actions: \(summary.actions.count) workflow runs for the code task (each: the event job, the read-only steps job, "
                     + "the apply job) made \(summary.actionsAPI.total) more calls (\(summary.actionsAPI.writes) writes) with the workflow's own tokens.")
        return lines.joined(separator: "\n")
    }

    private static func cells(_ row: DemoSummary.Row) -> [String] {
        let reward: String = row.rewardPFT.map { row.state == "rejected" ? "\($0) PFT" : "\($0) PFT (\((row.decision ?? "").replacingOccurrences(of: "_", with: " ")))" } ?? "—"
        let issue: String = row.issue.map { "#\($0)" } ?? "—"
        let pull: String = row.pull.map { "#\($0)" } ?? "—"
        let verdict: String = row.state == row.expected ? "✓" : "✗ expected \(row.expected)"
        return [row.title, row.category, "\(row.offeredPFT) PFT", row.state, reward, issue, pull, verdict]
    }
}

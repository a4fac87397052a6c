import Foundation

/// `pfbot report --format markdown`: the report as GitHub-flavoured Markdown (paste it in an issue or a wiki).
public enum MarkdownReport {
    /// Renders the report as Markdown: a summary table, then one section per measure.
    /// - Parameter report: the report to show.
    /// - Returns: the Markdown text, ending with a newline; task and audit text is escaped for table cells.
    public static func render(_ report: AnalyticsReport) -> String {
        typealias F = ReportFormatting
        var out: [String] = []
        out.append("# pfbot report")
        out.append("")
        out.append("Generated \(F.timestamp(report.generatedAt)).")
        out.append("")
        out.append("| measure | value |")
        out.append("|---|---|")
        out.append("| PFT earned | \(F.pft(report.earnedDrops)) |")
        out.append("| acceptance rate | \(F.rate(report.acceptance)) |")
        out.append("| completion rate | \(F.rate(report.completion)) |")
        out.append("| QC pass rate | \(F.rate(report.qualityControl)) |")
        out.append("| tasks | \(report.tasks.count) |")
        out.append("")
        out.append("## Tasks by state")
        out.append("")
        out.append(report.tasksByState.isEmpty ? "No tasks yet." : table(["state", "tasks"], report.tasksByState.map { [$0.state, "\($0.tasks)"] }))
        out.append("")
        out.append("## Time in state")
        out.append("")
        out.append(report.timeInState.isEmpty ? "No state history yet." : table(
            ["state", "tasks", "mean", "total"],
            report.timeInState.map { [$0.state, "\($0.tasks)", F.hours($0.meanHours), F.hours($0.totalHours)] }))
        out.append("")
        out.append("## Return per task")
        out.append("")
        out.append(report.tasks.isEmpty ? "No tasks yet." : table(
            ["task", "title", "category", "state", "reward", "estimate", "PFT/h estimated", "accepted → submitted", "PFT/h realized", "on GitHub"],
            report.tasks.map { line in
                ["`\(line.id)`", cell(line.title), line.category, line.state, F.pft(line.rewardDrops),
                 F.hours(line.estimatedHours), F.perHour(line.estimatedPFTPerHour), F.hours(line.hoursToSubmit), F.perHour(line.realizedPFTPerHour),
                 work(line)]
            }))
        out.append("")
        out.append("## PFT earned by day")
        out.append("")
        out.append(report.earnings.isEmpty ? "Nothing rewarded yet." : table(
            ["day (UTC)", "earned", "in all"], report.earnings.map { [$0.day, F.pft($0.drops), F.pft($0.cumulativeDrops)] }))
        out.append("")
        out.append("## PFT earned by day: pfbot and the Task Node")
        out.append("")
        out.append(report.rewardReconciliation.isEmpty ? "Nothing rewarded yet." : table(
            ["day (UTC)", "pfbot", "Task Node", "check"],
            report.rewardReconciliation.map { [$0.day, F.pft($0.pfbotDrops), $0.taskNodeDrops.map(F.pft) ?? "not reported", $0.taskNodeDrops == nil ? "—" : ($0.differs ? "⚠ differs" : "ok")] }))
        out.append("")
        out.append("## Audit log (newest first)")
        out.append("")
        out.append(report.audit.isEmpty ? "Empty." : table(
            ["at", "actor", "action", "task", "detail", "cause", "Task Node event"],
            report.audit.map { line in
                [F.timestamp(line.at), cell(line.actor), cell(line.action), line.title.map { "\(cell($0)) (\(cell(line.subject)))" } ?? cell(line.subject),
                 cell(line.detail ?? ""), cell(line.cause ?? ""), line.taskNodeEvent.map { "`" + $0.filter { $0 != "`" && !$0.isNewline } + "`" } ?? ""]
            }))
        return out.joined(separator: "\n") + "\n"
    }

    /// The task's issue, pull request and merge commit, each a link when its address is known.
    static func work(_ line: AnalyticsReport.TaskLine) -> String {
        func link(_ text: String, _ address: String?) -> String { address.map { "[\(text)](\($0))" } ?? text }
        let parts = [
            line.issueNumber.map { link("#\($0)", line.links.issue) },
            line.pullNumber.map { link("PR #\($0)", line.links.pullRequest) },
            line.mergeCommit.map { link("commit " + cell(String($0.prefix(7))), line.links.mergeCommit) },
        ].compactMap { $0 }
        return parts.isEmpty ? "–" : parts.joined(separator: " · ")
    }

    static func table(_ header: [String], _ rows: [[String]]) -> String {
        ([header, header.map { _ in "---" }] + rows).map { "| " + $0.joined(separator: " | ") + " |" }.joined(separator: "\n")
    }

    /// Text from the Task Node or GitHub, made safe inside a table cell: one line, pipes and markup escaped.
    static func cell(_ text: String) -> String {
        var escaped = ""
        for character in text.prefix(120) {
            switch character {
            case "\n", "\r", "\t": escaped.append(" ")
            case "|", "\\", "`", "*", "_", "[", "]", "<", ">", "#", "!", "~": escaped.append("\\"); escaped.append(character)
            default: escaped.append(character)
            }
        }
        return escaped
    }
}

import Foundation

/// The dashboard (`GET /dashboard`) and `pfbot report --format html`: one self-contained page, charts drawn as
/// inline SVG, no scripts and nothing loaded from elsewhere.
public enum HTMLReport {
    /// Renders the report as one complete HTML page.
    /// - Parameters:
    ///   - report: the report to show.
    ///   - refreshSeconds: when set, the page asks the browser to reload it after this many seconds (the live dashboard).
    ///   - taskPages: the address each task's page is found at, relative to this page, before the task id
    ///     (`dashboard/tasks/` on the live dashboard); `nil` links no task page (a report saved to a file).
    /// - Returns: the HTML document.
    public static func render(_ report: AnalyticsReport, refreshSeconds: Int? = nil, taskPages: String? = nil) -> String {
        typealias F = ReportFormatting
        var body = ""
        body += "<header><h1>pfbot</h1><p>Generated \(escape(F.timestamp(report.generatedAt)))</p></header>\n"
        body += "<section class=\"cards\">"
        body += card("PFT earned", F.pft(report.earnedDrops), nil)
        body += card("Acceptance", F.percent(report.acceptance), "\(report.acceptance.count) of \(report.acceptance.outOf) offered tasks decided")
        body += card("Completion", F.percent(report.completion), "\(report.completion.count) rewarded of \(report.completion.outOf) finished")
        body += card("QC pass rate", F.percent(report.qualityControl), "\(report.qualityControl.count) of \(report.qualityControl.outOf) runs")
        body += "</section>\n"
        body += section("Tasks by state", report.tasksByState.isEmpty ? empty("No tasks yet.")
                        : barChart(report.tasksByState.map { ($0.state, Double($0.tasks), "\($0.tasks)") }, labels: "state", values: "tasks"))
        body += section("Mean time in state", report.timeInState.isEmpty ? empty("No state history yet.")
                        : barChart(report.timeInState.map { ($0.state, $0.meanHours, "\(F.hours($0.meanHours)) · \($0.tasks) tasks") },
                                   labels: "state", values: "mean time per task (hours)"))
        body += section("PFT earned", report.earnings.isEmpty ? empty("Nothing rewarded yet.")
                        : report.earnings.count < 3 ? barChart(report.earnings.map { ($0.day, Double($0.cumulativeDrops), "+\(F.pft($0.drops)), \(F.pft($0.cumulativeDrops)) in all") },
                                                               labels: "day (UTC)", values: "PFT earned in all")
                        : earningsChart(report.earnings))
        body += section("Return per task", report.tasks.isEmpty ? empty("No tasks yet.")
                        : barChart(report.tasks.prefix(30).map { (String($0.title.prefix(40)), $0.estimatedPFTPerHour, F.perHour($0.estimatedPFTPerHour)) },
                                   labels: "task", values: "estimated return (PFT per hour)"))
        body += section("Tasks", report.tasks.isEmpty ? empty("No tasks yet.") : rawTable(
            ["task", "category", "state", "reward", "estimate", "PFT/h est.", "accepted → submitted", "PFT/h realized", "on GitHub"],
            report.tasks.map { line in
                [taskCell(id: line.id, title: line.title, taskPages: taskPages), escape(line.category), stateCell(line.state), escape(F.pft(line.rewardDrops)),
                 escape(F.hours(line.estimatedHours)), escape(F.perHour(line.estimatedPFTPerHour)), escape(F.hours(line.hoursToSubmit)),
                 escape(F.perHour(line.realizedPFTPerHour)), workLinks(issue: line.issueNumber, pull: line.pullNumber, commit: line.mergeCommit, links: line.links)]
            }))
        body += section("PFT earned by day: pfbot and the Task Node", report.rewardReconciliation.isEmpty ? empty("Nothing rewarded yet.") : table(
            ["day (UTC)", "pfbot", "Task Node", "check"],
            report.rewardReconciliation.map { [$0.day, F.pft($0.pfbotDrops), $0.taskNodeDrops.map(F.pft) ?? "not reported", $0.taskNodeDrops == nil ? "—" : ($0.differs ? "⚠ differs" : "ok")] }))
        body += section("Audit log", report.audit.isEmpty ? empty("Empty.") : rawTable(
            ["at", "actor", "action", "task", "detail", "cause", "Task Node event"],
            report.audit.map { line in
                [escape(F.timestamp(line.at)), escape(line.actor), escape(line.action),
                 line.title.map { taskCell(id: line.subject, title: $0, taskPages: taskPages) } ?? escape(line.subject), escape(line.detail ?? ""),
                 escape(line.cause ?? ""), escape(line.taskNodeEvent ?? "")]
            }))
        let refresh = refreshSeconds.map { "<meta http-equiv=\"refresh\" content=\"\($0)\">" } ?? ""
        return """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">\(refresh)
        <title>pfbot dashboard</title><style>\(style)</style></head>
        <body>
        \(body)</body></html>

        """
    }

    /// A task's title (linked to its page when there are task pages) above its id.
    static func taskCell(id: String, title: String, taskPages: String?) -> String {
        let name = taskPages.map { "<a href=\"\(escape($0 + id))\">\(escape(title))</a>" } ?? escape(title)
        return "\(name)<br><code class=\"id\">\(escape(id))</code>"
    }

    /// A state, marked so a rejection stands out from a reward.
    static func stateCell(_ state: String) -> String {
        "<span class=\"state \(escape(state))\">\(escape(state))</span>"
    }

    /// The task's issue, pull request and merge commit, each linked to GitHub when its address is known.
    static func workLinks(issue: Int?, pull: Int?, commit: String?, links: TaskLinks) -> String {
        let parts = [
            issue.map { link("issue #\($0)", links.issue) },
            pull.map { link("PR #\($0)", links.pullRequest) },
            commit.map { link("commit \($0.prefix(7))", links.mergeCommit) },
        ].compactMap { $0 }
        return parts.isEmpty ? "—" : parts.joined(separator: "<br>")
    }

    /// `text`, linked to `address` when there is one.
    static func link(_ text: String, _ address: String?) -> String {
        address.map { "<a href=\"\(escape($0))\">\(escape(text))</a>" } ?? escape(text)
    }

    /// Escapes text for HTML content and attribute values.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    static func card(_ title: String, _ value: String, _ detail: String?) -> String {
        "<div class=\"card\"><h2>\(escape(title))</h2><p class=\"value\">\(escape(value))</p>" + (detail.map { "<p>\(escape($0))</p>" } ?? "") + "</div>"
    }

    static func section(_ title: String, _ content: String) -> String {
        "<section><h2>\(escape(title))</h2>\n\(content)\n</section>\n"
    }

    static func empty(_ text: String) -> String { "<p class=\"empty\">\(escape(text))</p>" }

    /// Horizontal bars, one per item, scaled to the largest value: HTML rows that wrap on a narrow screen, under a
    /// header naming what the labels are and what the bars measure (with its unit).
    static func barChart(_ items: [(label: String, value: Double, caption: String)], labels: String, values: String) -> String {
        let items = items.map { (label: $0.label, value: $0.value.isFinite ? max($0.value, 0) : 0, caption: $0.caption) }
        let largest = max(items.map(\.value).max() ?? 0, 1e-9)
        var html = "<div class=\"bars\" role=\"figure\" aria-label=\"\(escape(values)) by \(escape(labels))\">"
        html += "<div class=\"bar axis\"><span class=\"label\">\(escape(labels))</span><span class=\"track\">\(escape(values)) →</span></div>"
        for item in items {
            // The longest bar takes three quarters of the track, leaving room for its caption.
            let percent = max(0.5, (item.value / largest * 75 * 10).rounded() / 10)
            html += "<div class=\"bar\"><span class=\"label\">\(escape(item.label))</span><span class=\"track\">"
            html += "<span class=\"fill\" style=\"width:\(percent)%\"></span><span class=\"caption\">\(escape(item.caption))</span></span></div>"
        }
        return html + "</div>"
    }

    /// PFT earned in all, day by day: a line over the days something was rewarded (three days or more), with the
    /// axes named and the value axis marked at 0 and at the total. It scrolls sideways rather than shrink on a narrow
    /// screen.
    static func earningsChart(_ earnings: [AnalyticsReport.Earning]) -> String {
        let width = 840, height = 240, left = 90, right = 40, top = 20, bottom = 56
        let highest = Double(max(earnings.last?.cumulativeDrops ?? 1, 1))
        let step = earnings.count > 1 ? Double(width - left - right) / Double(earnings.count - 1) : 0
        let points = earnings.enumerated().map { index, earning in
            let x = Double(left) + Double(index) * step
            let y = Double(height - bottom) - Double(earning.cumulativeDrops) / highest * Double(height - top - bottom)
            return (x, y, earning)
        }
        var svg = "<div class=\"chart\"><svg role=\"img\" aria-label=\"PFT earned in all, by day (UTC)\" viewBox=\"0 0 \(width) \(height)\" width=\"100%\">"
        svg += "<line class=\"axis\" x1=\"\(left)\" y1=\"\(height - bottom)\" x2=\"\(width - right)\" y2=\"\(height - bottom)\"/>"
        svg += "<line class=\"axis\" x1=\"\(left)\" y1=\"\(top)\" x2=\"\(left)\" y2=\"\(height - bottom)\"/>"
        svg += "<text x=\"\(left - 6)\" y=\"\(height - bottom + 4)\" text-anchor=\"end\">0</text>"
        svg += "<text x=\"\(left - 6)\" y=\"\(top + 4)\" text-anchor=\"end\">\(escape(ReportFormatting.pft(earnings.last?.cumulativeDrops ?? 0)))</text>"
        svg += "<text class=\"axis-label\" transform=\"translate(14 \((height - bottom + top) / 2)) rotate(-90)\" text-anchor=\"middle\">PFT earned in all</text>"
        svg += "<text class=\"axis-label\" x=\"\((width + left - right) / 2)\" y=\"\(height - 6)\" text-anchor=\"middle\">day (UTC)</text>"
        svg += "<polyline points=\"" + points.map { String(format: "%.1f,%.1f", $0.0, $0.1) }.joined(separator: " ") + "\"/>"
        for (x, y, earning) in points {
            svg += String(format: "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\">", x, y)
            svg += "<title>\(escape("\(earning.day): +\(ReportFormatting.pft(earning.drops)), \(ReportFormatting.pft(earning.cumulativeDrops)) in all"))</title></circle>"
            svg += String(format: "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">", x, height - bottom + 18) + escape(earning.day) + "</text>"
        }
        return svg + "</svg></div>"
    }

    /// A table of text cells, each escaped.
    static func table(_ header: [String], _ rows: [[String]]) -> String {
        rawTable(header, rows.map { $0.map(escape) })
    }

    /// A table whose cells are HTML already escaped; it scrolls sideways on a screen narrower than it.
    static func rawTable(_ header: [String], _ rows: [[String]]) -> String {
        var html = "<div class=\"scroll\"><table><thead><tr>" + header.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead><tbody>"
        for row in rows { html += "<tr>" + row.map { "<td>\($0)</td>" }.joined() + "</tr>" }
        return html + "</tbody></table></div>"
    }

    /// Readable from a 400-pixel phone to a wide screen: nothing has a fixed width wider than the page, bars wrap,
    /// tables and the line chart scroll sideways inside their own box.
    static let style = """
    *{box-sizing:border-box}body{font:14px system-ui,sans-serif;margin:2rem;color:#1f2328;background:#fff;max-width:72rem}h1{margin:0}
    header p{color:#59636e}a{color:#0969da}code.id{font-size:.75rem;color:#59636e;word-break:break-all}
    .cards{display:flex;flex-wrap:wrap;gap:1rem;margin:1.5rem 0}.card{border:1px solid #d1d9e0;border-radius:6px;padding:.75rem 1rem;flex:1 1 10rem;min-width:0}
    .card h2{font-size:.85rem;color:#59636e;margin:0}.card .value{font-size:1.6rem;font-weight:600;margin:.25rem 0}.card p{margin:0}
    section{margin:2rem 0}section h2{font-size:1.1rem;border-bottom:1px solid #d1d9e0;padding-bottom:.25rem}
    .bars{display:grid;gap:.3rem}.bar{display:grid;grid-template-columns:minmax(6rem,16rem) 1fr;gap:.5rem;align-items:center}
    .bar .label{overflow-wrap:anywhere;text-align:right}.bar .track{display:flex;flex-wrap:wrap;align-items:center;gap:.4rem;min-width:0}
    .bar .fill{display:inline-block;height:1rem;background:#2f81f7;border-radius:2px;flex:none}.bar .caption{color:#1f2328}
    .bar.axis{color:#59636e;font-size:.8rem;border-bottom:1px solid #d1d9e0;padding-bottom:.2rem}
    .chart{overflow-x:auto}.chart svg{min-width:36rem}
    svg text{font-size:12px;fill:#1f2328}svg .axis-label{fill:#59636e}svg polyline{fill:none;stroke:#1a7f37;stroke-width:2}svg circle{fill:#1a7f37}
    svg .axis{stroke:#8c959f}.scroll{overflow-x:auto}table{border-collapse:collapse;width:100%}
    th,td{border-bottom:1px solid #d1d9e0;padding:.3rem .5rem;text-align:left;vertical-align:top}th{white-space:nowrap}
    .state.rejected{color:#cf222e;font-weight:600}.state.rewarded{color:#1a7f37}.empty{color:#59636e}
    @media (max-width:40rem){body{margin:1rem}.bar{grid-template-columns:1fr}.bar .label{text-align:left}.card .value{font-size:1.3rem}}
    """
}

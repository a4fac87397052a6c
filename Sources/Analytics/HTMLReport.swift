import Foundation

/// The dashboard (`GET /dashboard`) and `pfbot report --format html`: one self-contained page, charts drawn as
/// inline SVG, no scripts and nothing loaded from elsewhere.
public enum HTMLReport {
    /// Renders the report as one complete HTML page.
    /// - Parameters:
    ///   - report: the report to show.
    ///   - refreshSeconds: when set, the page asks the browser to reload it after this many seconds (the live dashboard).
    /// - Returns: the HTML document.
    public static func render(_ report: AnalyticsReport, refreshSeconds: Int? = nil) -> String {
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
                        : barChart(report.tasksByState.map { ($0.state, Double($0.tasks), "\($0.tasks)") }))
        body += section("Mean time in state", report.timeInState.isEmpty ? empty("No state history yet.")
                        : barChart(report.timeInState.map { ($0.state, $0.meanHours, "\(F.hours($0.meanHours)) · \($0.tasks) tasks") }))
        body += section("PFT earned", report.earnings.isEmpty ? empty("Nothing rewarded yet.")
                        : report.earnings.count < 3 ? barChart(report.earnings.map { ($0.day, Double($0.cumulativeDrops), "+\(F.pft($0.drops)), \(F.pft($0.cumulativeDrops)) in all") })
                        : earningsChart(report.earnings))
        body += section("Return per task (estimated PFT per hour)", report.tasks.isEmpty ? empty("No tasks yet.")
                        : barChart(report.tasks.prefix(30).map { (String($0.title.prefix(40)), $0.estimatedPFTPerHour, F.perHour($0.estimatedPFTPerHour)) }))
        body += section("Tasks", report.tasks.isEmpty ? empty("No tasks yet.") : table(
            ["task", "title", "category", "state", "reward", "estimate", "PFT/h est.", "accepted → submitted", "PFT/h realized"],
            report.tasks.map { line in
                [line.id + (line.issueNumber.map { " #\($0)" } ?? ""), line.title, line.category, line.state, F.pft(line.rewardDrops),
                 F.hours(line.estimatedHours), F.perHour(line.estimatedPFTPerHour), F.hours(line.hoursToSubmit), F.perHour(line.realizedPFTPerHour)]
            }))
        body += section("PFT earned by day: pfbot and the Task Node", report.rewardReconciliation.isEmpty ? empty("Nothing rewarded yet.") : table(
            ["day (UTC)", "pfbot", "Task Node", "check"],
            report.rewardReconciliation.map { [$0.day, F.pft($0.pfbotDrops), $0.taskNodeDrops.map(F.pft) ?? "not reported", $0.taskNodeDrops == nil ? "—" : ($0.differs ? "⚠ differs" : "ok")] }))
        body += section("Audit log", report.audit.isEmpty ? empty("Empty.") : table(
            ["at", "actor", "action", "subject", "detail", "cause", "Task Node event"],
            report.audit.map { [F.timestamp($0.at), $0.actor, $0.action, $0.subject, $0.detail ?? "", $0.cause ?? "", $0.taskNodeEvent ?? ""] }))
        let refresh = refreshSeconds.map { "<meta http-equiv=\"refresh\" content=\"\($0)\">" } ?? ""
        return """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">\(refresh)
        <title>pfbot dashboard</title><style>\(style)</style></head>
        <body>
        \(body)</body></html>

        """
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

    /// Horizontal bars, one per item, scaled to the largest value.
    static func barChart(_ items: [(label: String, value: Double, caption: String)]) -> String {
        let rowHeight = 24, labelWidth = 260, barWidth = 420
        let items = items.map { (label: $0.label, value: $0.value.isFinite ? max($0.value, 0) : 0, caption: $0.caption) }
        let largest = max(items.map(\.value).max() ?? 0, 1e-9)
        var svg = "<svg role=\"img\" viewBox=\"0 0 \(labelWidth + barWidth + 160) \(items.count * rowHeight)\" width=\"100%\">"
        for (index, item) in items.enumerated() {
            let y = index * rowHeight
            let width = max(1, Int((item.value / largest * Double(barWidth)).rounded()))
            svg += "<text x=\"\(labelWidth - 8)\" y=\(quote(y + 16)) text-anchor=\"end\">\(escape(item.label))</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\(quote(y + 4)) width=\(quote(width)) height=\"16\" rx=\"2\"><title>\(escape(item.caption))</title></rect>"
            svg += "<text x=\(quote(labelWidth + width + 6)) y=\(quote(y + 16))>\(escape(item.caption))</text>"
        }
        return svg + "</svg>"
    }

    /// PFT earned in all, day by day: a line over the days something was rewarded (three days or more).
    static func earningsChart(_ earnings: [AnalyticsReport.Earning]) -> String {
        let width = 840, height = 220, margin = 40
        let top = Double(max(earnings.last?.cumulativeDrops ?? 1, 1))
        let step = earnings.count > 1 ? Double(width - 2 * margin) / Double(earnings.count - 1) : 0
        let points = earnings.enumerated().map { index, earning in
            let x = Double(margin) + Double(index) * step
            let y = Double(height - margin) - Double(earning.cumulativeDrops) / top * Double(height - 2 * margin)
            return (x, y, earning)
        }
        var svg = "<svg role=\"img\" viewBox=\"0 0 \(width) \(height)\" width=\"100%\">"
        svg += "<line class=\"axis\" x1=\"\(margin)\" y1=\"\(height - margin)\" x2=\"\(width - margin)\" y2=\"\(height - margin)\"/>"
        svg += "<polyline points=\"" + points.map { String(format: "%.1f,%.1f", $0.0, $0.1) }.joined(separator: " ") + "\"/>"
        for (x, y, earning) in points {
            svg += String(format: "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\">", x, y)
            svg += "<title>\(escape("\(earning.day): +\(ReportFormatting.pft(earning.drops)), \(ReportFormatting.pft(earning.cumulativeDrops)) in all"))</title></circle>"
            svg += String(format: "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">", x, height - margin + 16) + escape(earning.day) + "</text>"
        }
        svg += "<text x=\"\(margin)\" y=\"16\">\(escape(ReportFormatting.pft(earnings.last?.cumulativeDrops ?? 0)))</text>"
        return svg + "</svg>"
    }

    static func table(_ header: [String], _ rows: [[String]]) -> String {
        var html = "<table><thead><tr>" + header.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead><tbody>"
        for row in rows { html += "<tr>" + row.map { "<td>\(escape($0))</td>" }.joined() + "</tr>" }
        return html + "</tbody></table>"
    }

    private static func quote(_ number: Int) -> String { "\"\(number)\"" }

    static let style = """
    body{font:14px system-ui,sans-serif;margin:2rem;color:#1f2328;background:#fff}h1{margin:0}header p{color:#59636e}
    .cards{display:flex;flex-wrap:wrap;gap:1rem;margin:1.5rem 0}.card{border:1px solid #d1d9e0;border-radius:6px;padding:.75rem 1rem;min-width:12rem}
    .card h2{font-size:.85rem;color:#59636e;margin:0}.card .value{font-size:1.6rem;font-weight:600;margin:.25rem 0}.card p{margin:0}
    section{margin:2rem 0}section h2{font-size:1.1rem;border-bottom:1px solid #d1d9e0;padding-bottom:.25rem}
    svg text{font-size:12px;fill:#1f2328}svg rect{fill:#2f81f7}svg polyline{fill:none;stroke:#1a7f37;stroke-width:2}svg circle{fill:#1a7f37}
    svg .axis{stroke:#d1d9e0}table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #d1d9e0;padding:.3rem .5rem;text-align:left;vertical-align:top}
    .empty{color:#59636e}
    """
}

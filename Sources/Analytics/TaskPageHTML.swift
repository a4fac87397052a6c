import Foundation

/// Renders a ``TaskPage`` as one self-contained HTML page, in the dashboard's style (no scripts, nothing loaded
/// from elsewhere).
public enum TaskPageHTML {
    /// The page's HTML document.
    /// - Parameter page: the task to show.
    /// - Returns: the HTML document.
    public static func render(_ page: TaskPage) -> String {
        typealias H = HTMLReport
        typealias F = ReportFormatting
        var body = "<header><h1>\(H.escape(page.title))</h1><p>Task <code>\(H.escape(page.id))</code> · <a href=\"../../dashboard\">dashboard</a></p></header>\n"
        body += "<section class=\"cards\">"
        body += "<div class=\"card\"><h2>State</h2><p class=\"value\">\(H.stateCell(page.state))</p></div>"
        body += H.card("Reward", F.pft(page.rewardDrops), nil)
        body += H.card("Last QC", page.verdict?.conclusion ?? "not run", page.verdict?.title)
        body += "</section>\n"
        body += H.section("Work", H.rawTable(["branch", "issue", "pull request", "merge commit"], [[
            H.escape(page.branch ?? "—"), page.issueNumber.map { H.link("#\($0)", page.links.issue) } ?? "—",
            page.pullNumber.map { H.link("#\($0)", page.links.pullRequest) } ?? "—",
            page.mergeCommit.map { H.link(String($0.prefix(12)), page.links.mergeCommit) } ?? "—",
        ]]))
        if let verdict = page.verdict {
            body += H.section("QC of \(verdict.head.prefix(12)) at \(F.timestamp(verdict.at))", H.table(
                ["rule", "result", "problems"], verdict.rules.map { [$0.rule, $0.passed ? "pass" : "fail", String($0.problems)] }))
        }
        body += H.section("History", page.history.isEmpty ? H.empty("No state changes recorded.") : H.table(
            ["at", "from", "to", "by"], page.history.map { [F.timestamp($0.at), $0.from ?? "—", $0.to, $0.source] }))
        return """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(H.escape(page.title)) · pfbot</title><style>\(H.style)</style></head>
        <body>
        \(body)</body></html>

        """
    }
}

import PFBotCore

/// The help text for `/pf help`: every command, what it does and who may run it.
public enum CommandCatalog {
    /// Usage and description of each verb, in help order.
    public static let entries: [(verb: String, usage: String, summary: String)] = [
        ("help", "/pf help", "this list"),
        ("status", "/pf status", "the task's state, queue position, QC and submission status"),
        ("accept", "/pf accept [reason]", "accept the proposed task on the Task Node; pfbot then makes its branch and draft PR"),
        ("refuse", "/pf refuse <reason>", "refuse the proposed task"),
        ("cancel", "/pf cancel [reason]", "cancel an accepted task"),
        ("start", "/pf start", "(re)create the task branch with its templates and the draft pull request"),
        ("qc", "/pf qc", "run quality control on the pull request's head now"),
        ("submit", "/pf submit", "submit the work to Post Fiat without waiting for the merge (QC must pass)"),
        ("verify", "/pf verify <answer>", "answer the Task Node's verification question"),
        ("priority", "/pf priority <n>", "set a manual priority from -100 to 100 (higher runs first)"),
        ("estimate", "/pf estimate <hours>", "replace the computed estimate (changes ROI and queue order)"),
        ("request", "/pf request <text>", "ask the Task Node for a new task"),
    ]

    /// One line naming every verb.
    public static var shortList: String {
        "Commands: " + entries.map { "`\($0.verb)`" }.joined(separator: ", ") + " — see `/pf help`."
    }

    /// The Markdown reply to `/pf help` for a repository's permission settings.
    public static func help(permissions: RepositorySettings) -> String {
        var lines = ["| command | what it does | who may run it |", "|---|---|---|"]
        for entry in entries {
            lines.append("| `\(entry.usage)` | \(entry.summary) | \(permissions.permission(for: entry.verb).rawValue) or higher |")
        }
        lines.append("")
        lines.append("Write commands at the start of a line; several per comment are fine. Quoted lines and code blocks are ignored.")
        return lines.joined(separator: "\n")
    }
}

import PFBotCore

/// The texts generated from ``CommandRegistry``: the `/pf help` reply, the commands table of `docs/commands.md`
/// and the permission lists of the starter configuration files.
public enum CommandCatalog {
    /// Usage and description of each verb, in help order.
    public static var entries: [(verb: String, usage: String, summary: String)] {
        CommandRegistry.verbs.map { ($0.name, $0.usage, $0.summary) }
    }

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

    /// The table of `docs/commands.md`: every verb with its default permission and the states it applies in.
    public static func markdownTable() -> String {
        var lines = ["| command | what it does | default permission | task states it applies in |", "|---|---|---|---|"]
        for verb in CommandRegistry.verbs {
            lines.append("| `\(verb.usage)` | \(verb.summary) | \(verb.defaultPermission.rawValue) | \(states(verb.allowedStates)) |")
        }
        return lines.joined(separator: "\n")
    }

    /// The `commands:` block of a starter configuration file, each verb with its default permission.
    /// - Parameter indent: spaces before `commands:`.
    public static func permissionsYAML(indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        var lines = [pad + "commands:", pad + "  # Least repository permission (none, read, triage, write, maintain, admin) needed to run each /pf command."]
        lines += CommandRegistry.verbs.map { pad + "  \($0.name): \($0.defaultPermission.rawValue)" }
        return lines.joined(separator: "\n")
    }

    private static func states(_ states: Set<TaskState>?) -> String {
        guard let states else { return "any" }
        return TaskState.allCases.filter(states.contains).map { "`\($0.rawValue)`" }.joined(separator: ", ")
    }
}

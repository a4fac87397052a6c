/// Renders the configuration reference from ``ConfigSchema``, the source of `docs/configuration.md`.
public enum ConfigReference {
    /// A Markdown table: key, type, default, environment variable, meaning.
    public static func markdownTable() -> String {
        var lines = [
            "| key | type | default | environment | meaning |",
            "|---|---|---|---|---|",
        ]
        for key in ConfigSchema.keys {
            let secretNames = ConfigSchema.secretEnvironment[key.path].map { " (secret: " + $0.map { "`\($0)`" }.joined(separator: ", ") + ")" } ?? ""
            let defaultText = key.defaultValue.map { "`\($0)`" } ?? "—"
            lines.append("| `\(key.path)` | \(key.kind.documentation) | \(defaultText) | `\(key.environmentName)`\(secretNames) | \(key.summary) |")
        }
        return lines.joined(separator: "\n")
    }

    /// The same for the keys of a repository's `.github/pfbot.yml`.
    public static func repositoryMarkdownTable() -> String {
        var lines = ["| key | type | default | meaning |", "|---|---|---|---|"]
        for key in ConfigSchema.repositoryKeys {
            lines.append("| `\(key.path)` | \(key.kind.documentation) | \(key.defaultValue.map { "`\($0)`" } ?? "—") | \(key.summary) |")
        }
        return lines.joined(separator: "\n")
    }
}

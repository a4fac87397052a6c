/// Sets keys of one top-level section of a YAML configuration in place, keeping every other line and comment: an
/// existing (or commented-out) `key:` line of the section is replaced, a missing key is added below the section's
/// header, and a missing section is appended. Made for the `pfbot.yml` that `pfbot init` writes.
enum AppConfigurationEditor {
    /// `text` with each `key: value` set inside the top-level `section:` (two-space indentation).
    static func set(_ entries: [(key: String, value: String)], inSection section: String, of text: String) -> String {
        var lines = text.components(separatedBy: "\n")
        guard let header = lines.firstIndex(where: { $0.trimmingTrailingSpaces == "\(section):" }) else {
            var appended = text
            if !appended.isEmpty, !appended.hasSuffix("\n") { appended += "\n" }
            return appended + "\(section):\n" + entries.map { "  \($0.key): \($0.value)\n" }.joined()
        }
        var end = header + 1
        while end < lines.count, lines[end].isEmpty || lines[end].hasPrefix(" ") || lines[end].hasPrefix("#") { end += 1 }
        var missing: [String] = []
        for entry in entries {
            let line = "  \(entry.key): \(entry.value)"
            if let found = (header + 1..<end).first(where: { Self.names(lines[$0], key: entry.key) }) {
                lines[found] = line
            } else {
                missing.append(line)
            }
        }
        lines.insert(contentsOf: missing, at: header + 1)
        return lines.joined(separator: "\n")
    }

    /// Whether `line` is the section-level `key:` line, set or commented out (`  key: …`, `  # key: …`).
    private static func names(_ line: String, key: String) -> Bool {
        guard line.hasPrefix("  "), !line.hasPrefix("   ") else { return false }
        var rest = line.dropFirst(2)
        if rest.hasPrefix("# ") { rest = rest.dropFirst(2) }
        return rest.hasPrefix("\(key):")
    }
}

private extension String {
    var trimmingTrailingSpaces: String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}

import Foundation

/// The `.gitignore` entries `pfbot init` makes sure of, so the secret files and the local store that the starter
/// `pfbot.yml` names are never committed: `secrets/` (the `…_file` keys point there) and `.pfbot/` (`data_dir`, the
/// SQLite store). An existing `.gitignore` keeps its lines; only missing entries are appended.
enum StarterGitIgnore {
    static let path = ".gitignore"
    static let comment = "# pfbot: secret files and the local store (added by `pfbot init`)"
    static let entries = ["secrets/", ".pfbot/"]

    /// `existing` with the missing entries appended (unchanged when every entry is there, in any of the forms
    /// `secrets`, `secrets/`, `/secrets`, `/secrets/`).
    static func merged(into existing: String) -> String {
        let present = Set(existing.split(whereSeparator: \.isNewline).map { line -> String in
            var entry = line.trimmingCharacters(in: .whitespaces)
            if entry.hasPrefix("/") { entry.removeFirst() }
            if !entry.hasSuffix("/") { entry += "/" }
            return entry
        })
        let missing = entries.filter { !present.contains($0) }
        guard !missing.isEmpty else { return existing }
        var text = existing
        if !text.isEmpty, !text.hasSuffix("\n") { text += "\n" }
        if !text.isEmpty { text += "\n" }
        return text + ([comment] + missing).joined(separator: "\n") + "\n"
    }

    /// Adds the missing entries to `directory/.gitignore` (creating it, mode 0644).
    /// - Returns: the file's path when it changed, nil when every entry was there.
    static func ensure(in directory: String) throws(InitError) -> String? {
        let target = (directory as NSString).appendingPathComponent(path)
        let existing: String
        if FileManager.default.fileExists(atPath: target) {
            guard let data = FileManager.default.contents(atPath: target), let text = String(data: data, encoding: .utf8) else {
                throw .cannotWrite(path: target, reason: "it exists but is not readable UTF-8 text")
            }
            existing = text
        } else {
            existing = ""
        }
        let merged = merged(into: existing)
        guard merged != existing else { return nil }
        do {
            try Data(merged.utf8).write(to: URL(fileURLWithPath: target), options: .atomic)
            if existing.isEmpty { try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: target) }
        } catch {
            throw .cannotWrite(path: target, reason: error.localizedDescription)
        }
        return target
    }
}

import Foundation
import SQLKit

/// Moves pipeline state that pfbot before migration 004 kept as text in `settings` into its tables:
/// `qc:<task>:<head>` (verdicts, titled from `qc:<task>`), `review:<task>` (`approved <sha> <login>`,
/// `changes_requested <sha> <login>`, `dismissed`), `deadline-warnings:<task>` (`24,72`) and `redelivered:<guid>`.
/// Rows of tasks no longer stored are dropped. Runs inside the migration's transaction.
enum LegacyStateMigration {
    @Sendable static func run(_ database: any SQLDatabase) async throws {
        let rows = try await database.raw("""
            SELECT key, value, updated_at FROM settings
            WHERE key LIKE 'qc:%' OR key LIKE 'review:%' OR key LIKE 'deadline-warnings:%' OR key LIKE 'redelivered:%'
            """).all()
        var settings: [(key: String, value: String, at: Int64)] = []
        for row in rows {
            settings.append((try row.decode(column: "key", as: String.self), try row.decode(column: "value", as: String.self),
                             try row.decode(column: "updated_at", as: Int64.self)))
        }
        let tasks = Set(try await database.raw("SELECT id FROM tasks").all().map { try $0.decode(column: "id", as: String.self) })
        let lastRuns = Dictionary(settings.compactMap { setting -> (String, String)? in
            let parts = setting.key.split(separator: ":", omittingEmptySubsequences: false)
            return parts.count == 2 && parts[0] == "qc" ? (String(parts[1]), setting.value) : nil
        }, uniquingKeysWith: { first, _ in first })

        for setting in settings {
            let parts = setting.key.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            switch parts[0] {
            case "qc" where parts.count == 3 && tasks.contains(parts[1]):
                let (task, head) = (parts[1], parts[2])
                let lastRun = lastRuns[task] ?? ""
                let title = lastRun.contains("`\(head.prefix(12))`") ? String(lastRun.components(separatedBy: " — ").dropFirst().joined(separator: " — ")) : ""
                try await database.raw("""
                    INSERT INTO qc_verdicts (task_id, head_sha, conclusion, title, rules, at)
                    VALUES (\(bind: task), \(bind: head), \(bind: setting.value), \(bind: title), '[]', \(bind: setting.at))
                    ON CONFLICT DO NOTHING
                    """).run()
            case "review" where parts.count == 2 && tasks.contains(parts[1]):
                let words = setting.value.split(separator: " ").map(String.init)
                let (state, sha, login) = words.count == 3 ? (words[0], Optional(words[1]), words[2]) : ("dismissed", nil, "")
                try await database.raw("""
                    INSERT INTO reviews (task_id, reviewer, author_association, state, commit_sha, at)
                    VALUES (\(bind: parts[1]), \(bind: login), NULL, \(bind: state), \(bind: sha), \(bind: setting.at))
                    """).run()
            case "deadline-warnings" where parts.count == 2 && tasks.contains(parts[1]):
                for hours in setting.value.split(separator: ",").compactMap({ Int($0) }) {
                    try await database.raw("""
                        INSERT INTO deadline_warnings (task_id, lead_hours, sent_at) VALUES (\(bind: parts[1]), \(bind: hours), \(bind: setting.at))
                        ON CONFLICT DO NOTHING
                        """).run()
                }
            case "redelivered" where parts.count >= 2:
                let guid = parts.dropFirst().joined(separator: ":")
                try await database.raw("""
                    INSERT INTO redeliveries (delivery_guid, github_delivery_id, requested_at)
                    VALUES (\(bind: guid), \(bind: Int64(setting.value) ?? 0), \(bind: setting.at))
                    ON CONFLICT DO NOTHING
                    """).run()
            default:
                continue
            }
        }
        try await database.raw("""
            DELETE FROM settings
            WHERE key LIKE 'qc:%' OR key LIKE 'review:%' OR key LIKE 'deadline-warnings:%' OR key LIKE 'redelivered:%'
            """).run()
    }
}

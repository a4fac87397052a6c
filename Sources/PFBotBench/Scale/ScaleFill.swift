import Foundation
import Logging
import NIOPosix
import PFBotCore
import SQLiteKit
import Storage

/// Fills a migrated SQLite store with `size` finished tasks and their histories, analyses and audit rows, written
/// in bulk (one transaction, multi-row inserts) in the store's own schema, as years of a contributor's work.
struct ScaleFill {
    let path: String
    let size: Int
    let repository: String

    /// State paths of finished tasks, with their share of the fill (out of 20).
    static let paths: [(states: [TaskState], share: Int)] = [
        ([.proposed, .accepted, .mirrored, .submitted, .rewarded], 12),
        ([.proposed, .refused], 3),
        ([.proposed, .expired], 2),
        ([.proposed, .accepted, .mirrored, .cancelled], 2),
        ([.proposed, .accepted, .mirrored, .submitted, .rejected], 1),
    ]

    func write() async throws {
        let store = try await StoreFactory.open(.sqlite(path: path))
        try await store.close()
        let threads = NIOThreadPool(numberOfThreads: 1)
        threads.start()
        let connection = try await SQLiteConnection.open(storage: .file(path: path), threadPool: threads, logger: Logger(label: "bench.fill"),
                                                         on: MultiThreadedEventLoopGroup.singleton.any()).get()
        let database = connection.sql()
        try await database.raw("BEGIN").run()
        var durations: [TaskState: (spans: Int64, ms: Int64)] = [:]
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .millisecondsSince1970
        encoder.outputFormatting = [.sortedKeys]
        // Two years of work that ended a month ago: the reconciler leaves these finished tasks alone.
        let start = Date().addingTimeInterval(-(2 * 365 + 30) * 86_400)
        for batch in stride(from: 0, to: size, by: 500) {
            var tasks: [SQLQueryString] = [], history: [SQLQueryString] = [], analyses: [SQLQueryString] = [], audit: [SQLQueryString] = []
            for index in batch..<min(batch + 500, size) {
                let path = Self.path(for: index)
                let id = try TaskID(String(format: "task_%032x", index))
                let created = start.addingTimeInterval(Double(index) * (2 * 365 * 86_400) / Double(max(size, 1)))
                let times = path.indices.map { created.addingTimeInterval(Double($0) * 3 * 3600) }
                let reward = PFTAmount(drops: Int64(50 + index % 400) * 1_000_000)
                let task = PostFiatTask(id: id, title: "Archived task \(index)", kind: .personal, description: "Write part \(index) of the guide.",
                                        steps: [], verificationAsk: nil, submissionRequirement: SubmissionRequirement(rawType: "url", criteria: "A link"),
                                        reward: reward, dueAt: nil, acceptBy: nil, deadlineAt: nil, createdAt: created, updatedAt: times[times.count - 1],
                                        state: path[path.count - 1])
                let record = TaskRecord(task: task, repository: repository, issueNumber: 100_000 + index, pullNumber: 200_000 + index,
                                        branch: "pf/archived-task-\(index)")
                let data = String(decoding: try encoder.encode(record), as: UTF8.self)
                let millis = times.map(Self.millis)
                func milestone(_ state: TaskState) -> Int64? { path.firstIndex(of: state).map { millis[$0] } }
                tasks.append("""
                    (\(bind: id.rawValue), \(bind: task.state.rawValue), 'personal', \(bind: task.title), \(bind: reward.drops), \(bind: data), NULL,
                     \(bind: millis[0]), \(bind: millis[millis.count - 1]), \(bind: repository), \(bind: record.issueNumber), \(bind: record.pullNumber),
                     \(bind: record.branch), \(bind: millis[millis.count - 1]), \(bind: milestone(.accepted)), \(bind: milestone(.submitted)),
                     \(bind: milestone(.rewarded)))
                    """)
                for (step, state) in path.enumerated() {
                    history.append("(\(bind: id.rawValue), \(bind: step == 0 ? nil : path[step - 1].rawValue), \(bind: state.rawValue), 'tasknode', NULL, \(bind: millis[step]))")
                    if step > 0 {
                        let left = path[step - 1]
                        durations[left, default: (0, 0)].spans += 1
                        durations[left, default: (0, 0)].ms += millis[step] - millis[step - 1]
                    }
                }
                let hours = Double(1 + index % 8)
                analyses.append("""
                    (\(bind: id.rawValue), 'bench', \(bind: index % 2 == 0 ? "docs" : "code"), \(bind: 2 + index % 6), \(bind: hours),
                     \(bind: Double(reward.drops) / 1_000_000 / hours), '{}', \(bind: millis[0]))
                    """)
                if path.contains(.submitted) {
                    audit.append("(\(bind: millis[2]), 'pfbot', \(bind: index % 5 == 0 ? "qc.failure" : "qc.success"), \(bind: id.rawValue), NULL)")
                }
            }
            try await database.raw("""
                INSERT INTO tasks (id, state, kind, title, reward_drops, data, raw, created_at, updated_at, repository, issue_number, pull_number, branch,
                                   state_entered_at, accepted_at, submitted_at, rewarded_at)
                VALUES \(tasks.joined(separator: ", "))
                """).run()
            try await database.raw("INSERT INTO task_history (task_id, from_state, to_state, source, note, at) VALUES \(history.joined(separator: ", "))").run()
            try await database.raw("""
                INSERT INTO task_analyses (task_id, input_digest, category, complexity, estimated_hours, return_on_investment, detail, updated_at)
                VALUES \(analyses.joined(separator: ", "))
                """).run()
            if !audit.isEmpty {
                try await database.raw("INSERT INTO audit_log (at, actor, action, subject, detail) VALUES \(audit.joined(separator: ", "))").run()
            }
        }
        for (state, duration) in durations {
            try await database.raw("""
                INSERT INTO state_durations (state, spans, total_ms) VALUES (\(bind: state.rawValue), \(bind: duration.spans), \(bind: duration.ms))
                ON CONFLICT (state) DO UPDATE SET spans = state_durations.spans + excluded.spans, total_ms = state_durations.total_ms + excluded.total_ms
                """).run()
        }
        try await database.raw("COMMIT").run()
        try await connection.close().get()
        try await threads.shutdownGracefully()
    }

    static func path(for index: Int) -> [TaskState] {
        var slot = index % 20
        for path in paths {
            if slot < path.share { return path.states }
            slot -= path.share
        }
        return paths[0].states
    }

    static func millis(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded(.down)) }
}

import Foundation
import PFBotCore
import SQLKit

extension SQLStore {
    public func saveTask(_ record: TaskRecord, source: String) async throws {
        try await lender.withTransaction { database in
            guard let row = try await database.raw(
                "SELECT id, data, raw FROM tasks WHERE id = \(bind: record.task.id.rawValue)\(unsafeRaw: lockClause)"
            ).first() else {
                try await insertTask(database, record, source: source)
                return
            }
            let stored = try decodeTask(row)
            let saved = Self.saved(record, over: stored)
            let task = saved.task
            if task.state != stored.task.state {
                try await insertHistory(database, StateChange(taskID: task.id, from: stored.task.state, to: task.state, source: source,
                                                              note: "observed", at: task.updatedAt))
            }
            try await database.raw("""
                UPDATE tasks SET state = \(bind: task.state.rawValue), kind = \(bind: task.kind.name), title = \(bind: task.title),
                    reward_drops = \(bind: task.reward.drops), data = \(bind: try RecordCoding.encodeTask(saved)), raw = \(bind: saved.rawJSON),
                    updated_at = \(bind: Clock.millis(task.updatedAt)), repository = \(bind: saved.repository), issue_number = \(bind: saved.issueNumber),
                    pull_number = \(bind: saved.pullNumber), branch = \(bind: saved.branch)
                WHERE id = \(bind: task.id.rawValue)
                """).run()
        }
    }

    /// What a save writes over the stored record. A record without a merge commit keeps the stored one. An ended task
    /// keeps its end (no state leaves rewarded, refused, rejected, expired or cancelled, protocol §5): a save made
    /// from a copy read before the task ended, or from a Task Node listing that lags, keeps the task as it ended (its
    /// state, reward paid, verification question and the Task Node's answer) and changes only pfbot's own fields
    /// (where the task lives on GitHub, manual priority and estimate).
    static func saved(_ record: TaskRecord, over stored: TaskRecord) -> TaskRecord {
        var saved = record
        if saved.mergeCommit == nil { saved.mergeCommit = stored.mergeCommit }
        if stored.task.state.isTerminal, saved.task.state != stored.task.state {
            saved.task = stored.task
            saved.rawJSON = stored.rawJSON
        }
        return saved
    }

    private func insertTask(_ database: any SQLDatabase, _ record: TaskRecord, source: String) async throws {
        let task = record.task
        try await database.raw("""
            INSERT INTO tasks (id, state, kind, title, reward_drops, data, raw, created_at, updated_at, repository, issue_number, pull_number, branch)
            VALUES (\(bind: task.id.rawValue), \(bind: task.state.rawValue), \(bind: task.kind.name), \(bind: task.title),
                    \(bind: task.reward.drops), \(bind: try RecordCoding.encodeTask(record)), \(bind: record.rawJSON), \(bind: Clock.millis(task.createdAt)),
                    \(bind: Clock.millis(task.updatedAt)), \(bind: record.repository), \(bind: record.issueNumber), \(bind: record.pullNumber),
                    \(bind: record.branch))
            """).run()
        try await insertHistory(database, StateChange(taskID: task.id, from: nil, to: task.state, source: source, note: nil, at: task.updatedAt))
    }

    public func task(_ id: TaskID) async throws -> TaskRecord? {
        try await lender.withConnection { database in
            guard let row = try await database.raw("SELECT id, data, raw FROM tasks WHERE id = \(bind: id.rawValue)").first() else {
                return nil
            }
            return try decodeTask(row)
        }
    }

    public func tasks(in states: Set<TaskState>?) async throws -> [TaskRecord] {
        if let states, states.isEmpty { return [] }
        let filter: SQLQueryString = states.map { " WHERE state IN (\(binds: $0.map(\.rawValue).sorted()))" } ?? ""
        return try await lender.withConnection { database in
            try await database.raw("SELECT id, data, raw FROM tasks\(filter) ORDER BY updated_at DESC, id").all().map(decodeTask)
        }
    }

    public func tasks(in states: Set<TaskState>, updatedSince time: Date) async throws -> [TaskRecord] {
        guard !states.isEmpty else { return [] }
        return try await lender.withConnection { database in
            try await database.raw("""
                SELECT id, data, raw FROM tasks WHERE updated_at >= \(bind: Clock.millis(time)) AND state IN (\(binds: states.map(\.rawValue).sorted()))
                ORDER BY updated_at DESC, id
                """).all().map(decodeTask)
        }
    }

    public func countTasks(in states: Set<TaskState>) async throws -> Int {
        guard !states.isEmpty else { return 0 }
        return try await lender.withConnection { database in
            try await database.raw("SELECT COUNT(*) AS count FROM tasks WHERE state IN (\(binds: states.map(\.rawValue).sorted()))").first()?
                .decode(column: "count", as: Int.self) ?? 0
        }
    }

    public func taskCounts() async throws -> [TaskState: Int] {
        try await lender.withConnection { database in
            var counts: [TaskState: Int] = [:]
            for row in try await database.raw("SELECT state, COUNT(*) AS count FROM tasks GROUP BY state").all() {
                counts[try Self.state(row, "state")] = try row.decode(column: "count", as: Int.self)
            }
            return counts
        }
    }

    public func task(repository: String, issue: Int) async throws -> TaskRecord? {
        try await firstTask(where: "issue_number = \(bind: issue) AND (repository = \(bind: repository) OR repository IS NULL)")
    }

    public func task(repository: String, pull: Int) async throws -> TaskRecord? {
        try await firstTask(where: "pull_number = \(bind: pull) AND (repository = \(bind: repository) OR repository IS NULL)")
    }

    public func task(repository: String, branch: String) async throws -> TaskRecord? {
        try await firstTask(where: "branch = \(bind: branch) AND (repository = \(bind: repository) OR repository IS NULL)")
    }

    private func firstTask(where condition: SQLQueryString) async throws -> TaskRecord? {
        try await lender.withConnection { database in
            try await database.raw("SELECT id, data, raw FROM tasks WHERE \(condition) ORDER BY updated_at DESC, id LIMIT 1").first().map(decodeTask)
        }
    }

    public func transition(_ id: TaskID, to state: TaskState, source: String, note: String?, at time: Date) async throws -> TaskRecord {
        try await lender.withTransaction { database in
            guard let row = try await database.raw(
                "SELECT id, data, raw FROM tasks WHERE id = \(bind: id.rawValue)\(unsafeRaw: lockClause)"
            ).first() else {
                throw StoreError.notFound("task \(id)")
            }
            var record = try decodeTask(row)
            let from = record.task.state
            try TaskTransitions.validate(id, from: from, to: state)
            guard from != state else { return record }
            record.task.state = state
            record.task.updatedAt = time
            try await database.raw("""
                UPDATE tasks SET state = \(bind: state.rawValue), data = \(bind: try RecordCoding.encodeTask(record)), updated_at = \(bind: Clock.millis(time))
                WHERE id = \(bind: id.rawValue)
                """).run()
            try await insertHistory(database, StateChange(taskID: id, from: from, to: state, source: source, note: note, at: time))
            return record
        }
    }

    public func recordMergeCommit(_ id: TaskID, commit: String) async throws {
        try await lender.withTransaction { database in
            guard let row = try await database.raw(
                "SELECT id, data, raw FROM tasks WHERE id = \(bind: id.rawValue)\(unsafeRaw: lockClause)"
            ).first() else {
                throw StoreError.notFound("task \(id)")
            }
            var record = try decodeTask(row)
            guard record.mergeCommit != commit else { return }
            record.mergeCommit = commit
            try await database.raw("UPDATE tasks SET data = \(bind: try RecordCoding.encodeTask(record)) WHERE id = \(bind: id.rawValue)").run()
        }
    }

    public func history(of id: TaskID) async throws -> [StateChange] {
        try await lender.withConnection { database in
            try await database.raw(
                "SELECT task_id, from_state, to_state, source, note, at FROM task_history WHERE task_id = \(bind: id.rawValue) ORDER BY id"
            ).all().map(Self.decodeChange)
        }
    }

    public func histories() async throws -> [TaskID: [StateChange]] {
        let changes = try await lender.withConnection { database in
            try await database.raw("SELECT task_id, from_state, to_state, source, note, at FROM task_history ORDER BY id").all().map(Self.decodeChange)
        }
        return Dictionary(grouping: changes, by: \.taskID)
    }

    private static func decodeChange(_ row: any SQLRow) throws -> StateChange {
        let key = try row.decode(column: "task_id", as: String.self)
        let toText = try row.decode(column: "to_state", as: String.self)
        guard let to = TaskState(rawValue: toText) else {
            throw StoreError.corruptRow(table: "task_history", key: key, reason: "unknown state \(toText)")
        }
        let id: TaskID
        do {
            id = try TaskID(key)
        } catch {
            throw StoreError.corruptRow(table: "task_history", key: key, reason: "invalid task id")
        }
        let fromText = try row.decode(column: "from_state", as: String?.self)
        return StateChange(
            taskID: id, from: fromText.flatMap(TaskState.init(rawValue:)), to: to,
            source: try row.decode(column: "source", as: String.self),
            note: try row.decode(column: "note", as: String?.self),
            at: Clock.date(try row.decode(column: "at", as: Int64.self))
        )
    }

    /// PostgreSQL locks the row for the rest of the transaction; SQLite's immediate transaction already holds the write lock.
    var lockClause: String { engine == .postgres ? " FOR UPDATE" : "" }

    /// Records a state change: the history row, the time spent in the state left (``state_durations``), the time
    /// the new state began and the first time the task reached a milestone (accepted, submitted, rewarded).
    private func insertHistory(_ database: any SQLDatabase, _ change: StateChange) async throws {
        try await database.raw("""
            INSERT INTO task_history (task_id, from_state, to_state, source, note, at)
            VALUES (\(bind: change.taskID.rawValue), \(bind: change.from?.rawValue), \(bind: change.to.rawValue), \(bind: change.source),
                    \(bind: change.note), \(bind: Clock.millis(change.at)))
            """).run()
        let at = Clock.millis(change.at)
        if let from = change.from,
           let entered = try await database.raw("SELECT state_entered_at FROM tasks WHERE id = \(bind: change.taskID.rawValue)").first()?
               .decode(column: "state_entered_at", as: Int64?.self) {
            try await database.raw("""
                INSERT INTO state_durations (state, spans, total_ms) VALUES (\(bind: from.rawValue), 1, \(bind: max(0, at - entered)))
                ON CONFLICT (state) DO UPDATE SET spans = state_durations.spans + 1, total_ms = state_durations.total_ms + excluded.total_ms
                """).run()
        }
        try await database.raw("""
            UPDATE tasks SET state_entered_at = \(bind: at),
                accepted_at = COALESCE(accepted_at, \(bind: change.to == .accepted ? at : nil)),
                submitted_at = COALESCE(submitted_at, \(bind: change.to == .submitted ? at : nil)),
                rewarded_at = COALESCE(rewarded_at, \(bind: change.to == .rewarded ? at : nil))
            WHERE id = \(bind: change.taskID.rawValue)
            """).run()
    }

    func decodeTask(_ row: any SQLRow) throws -> TaskRecord {
        let id = try row.decode(column: "id", as: String.self)
        let data = try row.decode(column: "data", as: String.self)
        var record = try RecordCoding.decode(TaskRecord.self, from: data, table: "tasks", key: id)
        record.rawJSON = try row.decode(column: "raw", as: String?.self)
        return record
    }
}

/// JSON coding of records stored in text columns.
enum RecordCoding {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .millisecondsSince1970
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// A task record without its raw Task Node JSON, which has a column of its own.
    static func encodeTask(_ record: TaskRecord) throws -> String {
        var stored = record
        stored.rawJSON = nil
        return try encode(stored)
    }

    static func decode<T: Decodable>(_ type: T.Type, from text: String, table: String, key: String) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .millisecondsSince1970
        do {
            return try decoder.decode(type, from: Data(text.utf8))
        } catch {
            throw StoreError.corruptRow(table: table, key: key, reason: String(describing: error))
        }
    }
}

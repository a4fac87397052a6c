/// Task state derived from memo history (pftpyclient `get_task_state`), with the client-side transition guards.
public enum LegacyTaskState {
    /// The state of every task id: the class of its latest memo by ledger date.
    ///
    /// Keeps memos whose text matches the task-id recognizer and whose MemoData contains any class prefix; dedupes by
    /// hash (first wins). Same-second memos are unordered in the reference; here the later one in input order wins.
    public static func states(from records: [LegacyMemoRecord]) -> [String: LegacyMemoClass] {
        var seen = Set<String>()
        var latest = [String: (date: Int64, memoClass: LegacyMemoClass)]()
        for record in records where seen.insert(record.hash).inserted {
            let data = record.memo.data
            guard LegacyMemoClass.allCases.contains(where: { data.contains($0.prefix) }),
                let id = record.memo.taskID, let memoClass = record.memo.memoClass
            else { continue }
            if let current = latest[id], current.date > record.date { continue }
            latest[id] = (record.date, memoClass)
        }
        return latest.mapValues(\.memoClass)
    }

    /// Whether the client may send `next` for a task whose history holds `history` classes.
    public static func allows(_ next: LegacyMemoClass, history: Set<LegacyMemoClass>) -> Bool {
        switch next {
        case .acceptance: return history.contains(.proposal)
        case .taskOutput: return history.contains(.acceptance)
        case .verificationResponse: return history.contains(.verificationPrompt)
        case .refusal: return !history.contains(.reward)
        default: return true
        }
    }
}

import ArgumentParser
import Foundation
import PFBotCore
import Pipeline
import Storage

/// `pfbot tasks --queue`: the prioritized work queue from the store.
enum WorkQueue {
    static func print(configPath: String?, json: Bool) async throws {
        let configuration = try loadConfiguration(configPath)
        let store = try await openStore(configuration)
        let queue: [(entry: QueueEntry, record: TaskRecord)]
        do {
            let prioritizer = Prioritizer(settings: configuration.priority, maxInFlight: configuration.filters.maxInFlight)
            queue = try await TaskQueue(store: store, analyses: TaskAnalyses(analyzer: TaskAnalyzer(), store: store, now: Date.init), prioritizer: prioritizer)
                .entries(now: Date())
            try await store.close()
        } catch {
            try? await store.close()
            throw error
        }
        let entries = queue.map(\.entry)
        if json {
            try Output.success(["queue": entries])
            return
        }
        guard !entries.isEmpty else {
            Output.line("The queue is empty: no proposed or accepted tasks in the store (run `pfbot sync`).")
            return
        }
        let titles = Dictionary(queue.map { ($0.record.task.id, $0.record.task) }, uniquingKeysWith: { first, _ in first })
        for entry in entries {
            let task = titles[entry.taskID]
            let reasons = entry.score.reasons.map { "\($0.factor) \(String(format: "%+.1f", $0.points)) (\($0.explanation))" }.joined(separator: "; ")
            Output.line("\(entry.position). \(entry.taskID.shortForm)  \(task.map { InertText.singleLine($0.title, limit: 60) } ?? "")  "
                        + "[\(task?.state.rawValue ?? "?")] score \(String(format: "%.1f", entry.score.value))")
            Output.line("   \(reasons)" + (entry.waitingReason.map { " — waiting: \($0)" } ?? ""))
        }
    }
}

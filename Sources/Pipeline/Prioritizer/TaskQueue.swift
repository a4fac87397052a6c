import Foundation
import PFBotCore
import Storage

/// The prioritized work queue of the stored tasks, read through the state index (only proposed and in-flight
/// tasks) with their stored analyses. One path for `/pf status` and `pfbot tasks --queue`.
public struct TaskQueue: Sendable {
    let store: any Store
    let analyses: TaskAnalyses
    let prioritizer: Prioritizer

    /// Creates the queue over the stored tasks.
    /// - Parameters:
    ///   - store: where the tasks are read.
    ///   - analyses: the tasks' stored analyses.
    ///   - prioritizer: orders them.
    public init(store: any Store, analyses: TaskAnalyses, prioritizer: Prioritizer) {
        self.store = store
        self.analyses = analyses
        self.prioritizer = prioritizer
    }

    /// The queue, best first, with each entry's task.
    public func entries(now: Date) async throws -> [(entry: QueueEntry, record: TaskRecord)] {
        var analysed: [(record: TaskRecord, analysis: TaskAnalysis)] = []
        for record in try await store.tasks(in: Prioritizer.queuedStates) {
            analysed.append((record, try await analyses.analysis(of: record)))
        }
        let records = Dictionary(analysed.map { ($0.record.task.id, $0.record) }, uniquingKeysWith: { first, _ in first })
        return prioritizer.order(analysed, now: now).compactMap { entry in records[entry.taskID].map { (entry, $0) } }
    }
}

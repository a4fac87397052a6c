import Metrics
import PFBotCore
import Storage

/// Publishes the queue depth and tasks by state as gauges every few seconds.
struct QueueGauges {
    let store: any Store

    func run() async {
        while !Task.isCancelled {
            await record()
            try? await Task.sleep(for: .seconds(5))
        }
    }

    /// Reads the counts once and sets the gauges (a count that cannot be read leaves its gauges as they are).
    func record() async {
        if let counts = try? await store.jobCounts() {
            for (state, count) in counts { Gauge(label: "pfbot_jobs", dimensions: [("state", state.rawValue)]).record(count) }
        }
        if let byState = try? await store.taskCounts() {
            for state in TaskState.allCases { Gauge(label: "pfbot_tasks", dimensions: [("state", state.rawValue)]).record(byState[state] ?? 0) }
        }
    }
}

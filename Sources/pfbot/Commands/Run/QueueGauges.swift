import Metrics
import PFBotCore
import Storage

/// Publishes the queue depth and tasks by state as gauges every few seconds.
struct QueueGauges {
    let store: any Store

    func run() async {
        while !Task.isCancelled {
            if let counts = try? await store.jobCounts() {
                for (state, count) in counts { Gauge(label: "pfbot_jobs", dimensions: [("state", state.rawValue)]).record(count) }
            }
            if let byState = try? await store.taskCounts() {
                for state in TaskState.allCases { Gauge(label: "pfbot_tasks", dimensions: [("state", state.rawValue)]).record(byState[state] ?? 0) }
            }
            try? await Task.sleep(for: .seconds(5))
        }
    }
}

import Metrics
import Synchronization

/// `pfbot_webhooks_total{event, outcome}`, with the counters kept once made (making one per request costs a
/// lookup in the metrics factory under its lock).
///
/// The event label is the `X-GitHub-Event` header only for requests whose signature checked out; anyone can send
/// a refused request, so those are counted under `event="unverified"`, and the number of event names kept is
/// bounded, so no sender can grow the metrics without end.
final class WebhookCounters: Sendable {
    static let unverifiedEvent = "unverified"
    static let otherEvent = "other"
    static let maxEventNames = 100

    private let counters = Mutex<[String: Counter]>([:])
    private let factory: any MetricsFactory

    /// - Parameter factory: where the counters are made; the process's metrics system unless a test gives its own.
    init(factory: any MetricsFactory = MetricsSystem.factory) {
        self.factory = factory
    }

    /// Counts one request. - Parameter event: the header, or ``unverifiedEvent``.
    func count(event: String, outcome: String) {
        counter(event: String(event.prefix(40)), outcome: outcome).increment()
    }

    private func counter(event: String, outcome: String) -> Counter {
        counters.withLock { counters in
            let key = event + "\u{0}" + outcome
            if let counter = counters[key] { return counter }
            // The fixed label of refused requests is always kept: the cap is there for the names senders choose.
            let kept = event == Self.unverifiedEvent || counters.count < Self.maxEventNames * 4 ? event : Self.otherEvent
            let counter = Counter(label: "pfbot_webhooks_total", dimensions: [("event", kept), ("outcome", outcome)], factory: factory)
            if kept == event { counters[key] = counter }
            return counter
        }
    }
}

import Foundation
import GitHub
import Storage

/// Asks GitHub for the App's webhook deliveries attempted since the last completed sweep and redelivers each delivery
/// that never succeeded and never reached pfbot's inbox (GitHub does not retry failed deliveries by itself).
///
/// A delivery is judged by its newest attempt. A redelivery is itself an attempt that can fail (pfbot restarting, a
/// dropped connection): its failed attempt is newer than the one pfbot asked again, so the sweep asks again, up to
/// ``maxRedeliveries`` times per delivery; then it records the delivery as given up and audits it. While a requested
/// redelivery has no attempt listed yet, the sweep waits for it (its attempt, when made, is newer than the sweep's
/// mark). The listing goes back only to the newest attempt the last completed sweep saw, less ``overlap`` (an attempt
/// in flight then may be listed later), so a sweep stays a page or so however many deliveries GitHub keeps. Needs App
/// authentication.
public struct RedeliverySweep: Sendable {
    /// How many times one delivery is redelivered before pfbot gives up on it (and audits `webhook.redelivery_abandoned`).
    public static let maxRedeliveries = 5
    /// How far before the last sweep's newest attempt the next sweep looks again.
    public static let overlap: TimeInterval = 120

    let context: PipelineContext

    /// Creates the sweep over the pipeline's context.
    public init(context: PipelineContext) {
        self.context = context
    }

    /// One sweep; returns how many deliveries were asked again. A redelivery GitHub refuses is logged and the sweep
    /// goes on: refused for good (a 4xx: the delivery is gone or not redeliverable) it is given up at once; otherwise
    /// (a 5xx, the network) it is asked again on the next sweep, which then reads back to where this one started.
    /// - Throws: when the deliveries cannot be listed, or the store's error.
    @discardableResult
    public func sweep() async throws -> Int {
        let mark = try await context.store.redeliverySweepMark()
        let attempts = try await context.github.listWebhookDeliveries(deliveredSince: mark.map { $0.addingTimeInterval(-Self.overlap) })
        var redelivered = 0
        var unfinished = false
        for (guid, tries) in Dictionary(grouping: attempts, by: \.guid) {
            guard let latest = tries.max(by: { $0.id < $1.id }), !(200..<300).contains(latest.statusCode),
                  try await context.store.delivery(guid) == nil
            else { continue }
            let asked = try await context.store.redelivery(guid: guid)
            // Asked for this attempt already: its redelivery has not been attempted yet, or pfbot gave up on it.
            if let asked, asked.githubDeliveryID >= Int64(latest.id) { continue }
            guard (asked?.requests ?? 0) < Self.maxRedeliveries else {
                try await abandon(guid, latest, because: "redelivered \(Self.maxRedeliveries) times, every attempt failed")
                continue
            }
            do {
                try await context.github.redeliverWebhookDelivery(id: latest.id)
            } catch let error as GitHubError where (400..<500).contains(error.status ?? 0) && error.status != 429 {
                try await abandon(guid, latest, because: "GitHub refused to redeliver it: \(error)")
                continue
            } catch {
                context.logger.warning("could not ask GitHub to redeliver webhook delivery \(guid) (\(latest.event)): \(error); asking again on the next sweep")
                unfinished = true
                continue
            }
            try await context.store.recordRedelivery(guid: guid, githubDeliveryID: Int64(latest.id), at: context.now())
            try await context.audit("pfbot", "webhook.redelivered", guid, latest.event)
            redelivered += 1
        }
        if !unfinished, let newest = attempts.compactMap(\.deliveredAt).max(), newest > mark ?? .distantPast {
            try await context.store.recordRedeliverySweepMark(newestDeliveredAt: newest, at: context.now())
        }
        return redelivered
    }

    /// Records that pfbot stops asking GitHub for delivery `guid`, audits it and says what to do.
    private func abandon(_ guid: String, _ latest: HookDelivery, because reason: String) async throws {
        try await context.store.recordRedelivery(guid: guid, githubDeliveryID: Int64(latest.id), at: context.now())
        try await context.audit("pfbot", "webhook.redelivery_abandoned", guid, "\(latest.event): \(reason)")
        context.logger.error("webhook delivery \(guid) (\(latest.event)): \(reason); pfbot stops asking GitHub for it. Check that GitHub reaches pfbot serve, then redeliver it from the App's Advanced settings")
    }
}

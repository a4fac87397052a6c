import Foundation
import GitHub
import Storage

/// Asks GitHub for the App's recent webhook deliveries and redelivers each delivery that never succeeded and never
/// reached pfbot's inbox (GitHub does not retry failed deliveries by itself).
///
/// A redelivery is itself an attempt that can fail (pfbot restarting, a dropped connection): when GitHub lists a
/// failed attempt newer than the one pfbot asked again, the sweep asks again, up to ``maxRedeliveries`` times per
/// delivery; then it records the delivery as given up and audits it. While a requested redelivery has no attempt
/// listed yet, the sweep waits for it. Needs App authentication.
public struct RedeliverySweep: Sendable {
    /// How many times one delivery is redelivered before pfbot gives up on it (and audits `webhook.redelivery_abandoned`).
    public static let maxRedeliveries = 5

    let context: PipelineContext

    /// Creates the sweep over the pipeline's context.
    public init(context: PipelineContext) {
        self.context = context
    }

    /// One sweep; returns how many deliveries were asked again.
    @discardableResult
    public func sweep() async throws -> Int {
        let attempts = try await context.github.listWebhookDeliveries()
        var redelivered = 0
        for (guid, tries) in Dictionary(grouping: attempts, by: \.guid) {
            guard !tries.contains(where: { (200..<300).contains($0.statusCode) }),
                  let latest = tries.max(by: { $0.id < $1.id }),
                  try await context.store.delivery(guid) == nil
            else { continue }
            // Nil: never asked. Below the latest attempt: the redelivery asked for ran and failed too.
            if let asked = try await context.store.redeliveredAttempt(guid: guid), asked >= Int64(latest.id) { continue }
            let redeliveries = tries.filter { $0.redelivery == true }.count
            guard redeliveries < Self.maxRedeliveries else {
                try await context.store.recordRedelivery(guid: guid, githubDeliveryID: Int64(latest.id), at: context.now())
                try await context.audit("pfbot", "webhook.redelivery_abandoned", guid, "\(latest.event): \(tries.count) attempts failed")
                context.logger.error("webhook delivery \(guid) (\(latest.event)) failed \(tries.count) times, \(redeliveries) of them redeliveries; pfbot stops asking GitHub for it. Check that pfbot serve is reachable from GitHub, then redeliver it from the App's Advanced settings or run pfbot sync")
                continue
            }
            try await context.github.redeliverWebhookDelivery(id: latest.id)
            try await context.store.recordRedelivery(guid: guid, githubDeliveryID: Int64(latest.id), at: context.now())
            try await context.audit("pfbot", "webhook.redelivered", guid, latest.event)
            redelivered += 1
        }
        return redelivered
    }
}

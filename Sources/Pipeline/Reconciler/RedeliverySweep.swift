import Foundation
import GitHub
import Storage

/// Asks GitHub for the App's recent webhook deliveries and redelivers, once, each delivery that never succeeded
/// and never reached pfbot's inbox (GitHub does not retry failed deliveries by itself). Needs App authentication.
public struct RedeliverySweep: Sendable {
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
                  try await context.store.delivery(guid) == nil,
                  try await !context.store.redeliveryRequested(guid: guid)
            else { continue }
            try await context.github.redeliverWebhookDelivery(id: latest.id)
            try await context.store.recordRedelivery(guid: guid, githubDeliveryID: Int64(latest.id), at: context.now())
            try await context.audit("pfbot", "webhook.redelivered", guid, latest.event)
            redelivered += 1
        }
        return redelivered
    }
}

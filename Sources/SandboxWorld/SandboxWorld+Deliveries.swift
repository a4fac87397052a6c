import Foundation
import Storage

extension SandboxWorld {
    /// The webhooks GitHub sent since the last call, taken out of the sandbox bot's inbox without handling them:
    /// the repository's GitHub Actions workflow gets them instead (see ``ActionsRunner``).
    public func takeDeliveries() async throws -> [Delivery] {
        await github.emulator.flushWebhooks()
        var taken: [Delivery] = []
        while let job = try await store.claimJob(worker: "actions-runner", kinds: [Delivery.jobKind], lease: 600, now: Date()) {
            if let delivery = try await store.delivery(job.payload) { taken.append(delivery) }
            try await store.completeJob(job.id, now: Date())
        }
        return taken
    }
}

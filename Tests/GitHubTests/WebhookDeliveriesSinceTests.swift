import Foundation
@testable import GitHub
import Sandbox
import Testing

/// The redelivery sweep reads only the attempts made since its last pass: the listing stops paging at that time.
@Suite struct WebhookDeliveriesSinceTests {
    @Test func deliveriesSinceATime_areListedFromOnePage_whateverIsOlder() async throws {
        let harness = try await EmulatorHarness.start()
        let receiver = WebhookReceiver()
        let url = try await receiver.start()
        await harness.emulator.configureWebhooks(url: url, secret: "s")
        let client = try await harness.appClient()
        for index in 0..<120 { try await harness.emulator.openIssue(as: "alice", owner: "acme", repo: "widgets", title: "old \(index)") }
        await harness.emulator.flushWebhooks()
        let since = harness.clock.now().addingTimeInterval(1_800)
        try await harness.clock.sleep(seconds: 3_600)
        for index in 0..<3 { try await harness.emulator.openIssue(as: "alice", owner: "acme", repo: "widgets", title: "new \(index)") }
        await harness.emulator.flushWebhooks()

        let listings = { await harness.emulator.requests().filter { $0.path.hasPrefix("/app/hook/deliveries") }.count }
        let before = await listings()
        let recent = try await client.listWebhookDeliveries(deliveredSince: since)
        #expect(await listings() - before == 1)
        let all = try await client.listWebhookDeliveries()
        #expect(await listings() - before >= 3)
        #expect(all.count > 120)
        #expect(recent.map(\.id) == all.filter { ($0.deliveredAt ?? .distantPast) >= since }.map(\.id))
        #expect(!recent.isEmpty)
        await receiver.stop()
        await harness.stop()
    }
}

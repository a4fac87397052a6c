import _CryptoExtras
import Foundation
import GitHub
import PFBotCore
import PFBotTestSupport
import Pipeline
import Sandbox
import SandboxWorld
import Storage
import Testing

@Suite(.serialized) struct RedeliverySweepTests {
    /// A comment whose webhook GitHub failed to deliver reaches pfbot through the App's redelivery, exactly once.
    @Test func failedDelivery_isRedeliveredOnce_andProcessed() async throws {
        try await withSandboxWorld(prefix: "pfbot-redeliver", collaborators: ["octocat": "admin"]) { world, _ in
            let (context, id) = try await Self.droppedAccept(world)
            await world.github.emulator.setFaults(GitHubEmulatorFaults())
            #expect(try await RedeliverySweep(context: context).sweep() == 1)
            try await world.settle()
            #expect(await world.taskNode.task(id)?.statusKey == "accepted")
            #expect(try await RedeliverySweep(context: context).sweep() == 0)
        }
    }

    /// A redelivery that fails as well (pfbot restarting, a dropped connection) is asked again on the next sweep, and
    /// the command takes effect once it arrives; a redelivery asked for and not yet attempted is waited for.
    @Test func aRedeliveryThatFailsToo_isAskedAgain_untilItArrives() async throws {
        try await withSandboxWorld(prefix: "pfbot-redeliver-again", collaborators: ["octocat": "admin"]) { world, _ in
            let (context, id) = try await Self.droppedAccept(world)
            for _ in 0..<2 {
                #expect(try await RedeliverySweep(context: context).sweep() == 1)
                await world.github.emulator.flushWebhooks()
            }
            await world.github.emulator.setFaults(GitHubEmulatorFaults())
            #expect(try await RedeliverySweep(context: context).sweep() == 1)
            try await world.settle()
            #expect(await world.taskNode.task(id)?.statusKey == "accepted")
            #expect(try await RedeliverySweep(context: context).sweep() == 0)
            let attempts = try await context.github.listWebhookDeliveries(deliveredSince: nil).filter { $0.event == "issue_comment" }
            #expect(attempts.filter { $0.redelivery == true }.count == 3)
        }
    }

    /// A delivery that never arrives is redelivered five times, then given up on: audited once, never asked again.
    @Test func aDeliveryThatNeverArrives_isGivenUpAfterFiveRedeliveries_andAudited() async throws {
        try await withSandboxWorld(prefix: "pfbot-redeliver-abandon", collaborators: ["octocat": "admin"]) { world, _ in
            let (context, id) = try await Self.droppedAccept(world)
            var asked = 0
            for _ in 0..<8 {
                asked += try await RedeliverySweep(context: context).sweep()
                await world.github.emulator.flushWebhooks()
            }
            #expect(asked == RedeliverySweep.maxRedeliveries)
            let abandoned = try await world.store.auditLog(limit: 100).filter { $0.action == "webhook.redelivery_abandoned" }
            #expect(abandoned.count == 1)
            #expect(await world.taskNode.task(id)?.statusKey == "proposed")
        }
    }

    /// A world whose GitHub drops every webhook, a proposal mirrored, and a `/pf accept` comment whose delivery failed;
    /// returns a context authenticated as the App (the deliveries API needs it) and the task id.
    static func droppedAccept(_ world: SandboxWorld) async throws -> (PipelineContext, String) {
        let key = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        try await world.github.emulator.registerApp(id: 4242, slug: "pfbot", publicKeyPEM: key.publicKey.pemRepresentation)
        await world.github.emulator.addInstallation(id: 77, appID: 4242)
        let app = try await GitHubClient(configuration: GitHubConfiguration(
            baseURL: world.github.apiURL, authentication: .app(GitHubAppCredentials(appID: "4242", privateKeyPEM: key.pemRepresentation), installationID: 77),
            policy: RateLimitPolicy(writeSpacing: 0)))
        var context = world.context
        context.github = app

        let id = await world.propose(title: "Write the onboarding guide", description: "- Explain installation", pft: 80)
        try await world.sync()
        let issue = try #require(try await world.store.task(try TaskID(id))?.issueNumber)
        await world.github.emulator.setFaults(GitHubEmulatorFaults(webhookDropRate: 1, seed: 3))
        try await SandboxContributor(login: "octocat", world: world).comment(on: issue, "/pf accept")
        await world.github.emulator.flushWebhooks()
        try await world.settle()
        #expect(await world.taskNode.task(id)?.statusKey == "proposed")
        return (context, id)
    }
}

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
        try await withSandboxWorld(prefix: "pfbot-redeliver", collaborators: ["octocat": "admin"]) { world, directory in
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
            await world.github.emulator.setFaults(GitHubEmulatorFaults())
            try await world.settle()
            #expect(await world.taskNode.task(id)?.statusKey == "proposed")

            #expect(try await RedeliverySweep(context: context).sweep() == 1)
            try await world.settle()
            #expect(await world.taskNode.task(id)?.statusKey == "accepted")
            #expect(try await RedeliverySweep(context: context).sweep() == 0)
        }
    }
}

import Foundation
import PFBotTestSupport
import SandboxWorld
import Testing

@Suite(.serialized) struct DoctorTests {
    /// With a wallet, the Task Node and GitHub configured (the sandbox's), every line of `pfbot doctor` is ✓.
    @Test func doctor_passesAgainstTheSandbox() async throws {
        try await withSandboxWorld(prefix: "pfbot-doctor") { world, directory in
            let environment = [
                "PFBOT_TASKNODE_URL": world.taskNodeURL, "PFBOT_WALLET_SEED": SandboxWorld.walletSeed, "GITHUB_TOKEN": SandboxWorld.actionsToken,
                "PFBOT_GITHUB_REPOSITORY": "acme/tasks", "PFBOT_GITHUB_API_URL": world.github.apiURL,
            ]
            let result = try await CommandRunner().runAsync(["doctor"], in: directory.path, environment: environment)
            #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
            #expect(result.standardOutput.contains("✓ wallet: ed25519 wallet \(world.wallet.address)"))
            #expect(result.standardOutput.contains("✓ tasknode.url: "))
            #expect(result.standardOutput.contains("✓ github.repository: acme/tasks is reachable (default branch main)"))
        }
    }
}

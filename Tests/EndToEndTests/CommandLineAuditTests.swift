import Foundation
import PFBotCore
import PFBotTestSupport
import SandboxWorld
import Testing

/// A Task Node write made with `pfbot task …` on the command line lands in the audit log like the bot's own: the
/// action, the task, the command line as its cause and the Task Node's event id, shown by `pfbot report`.
@Suite(.serialized) struct CommandLineAuditTests {
    @Test func taskAcceptOnTheCommandLine_isAuditedWithTheTaskNodesEventID() async throws {
        try await withSandboxWorld(prefix: "pfbot-cli-audit") { world, directory in
            let id = await world.propose(title: "Write the CLI guide", description: "- Explain the commands", pft: 40)
            let environment = [
                "PFBOT_TASKNODE_URL": world.taskNodeURL, "PFBOT_WALLET_SEED": SandboxWorld.walletSeed, "PFBOT_DATA_DIR": directory.file("operator"),
            ]
            let accept = try await CommandRunner().runAsync(["task", "accept", id, "--reason", "Mine", "--json"], in: directory.path, environment: environment)
            #expect(accept.status == 0, "\(accept.standardError)")
            let receipt = try #require(try JSONSerialization.jsonObject(with: Data(accept.standardOutput.utf8)) as? [String: Any])
            let event = try #require((receipt["result"] as? [String: Any])?["event_id"] as? String)
            #expect(await world.taskNode.task(id)?.statusKey == "accepted")

            let report = try await CommandRunner().runAsync(["report"], in: directory.path, environment: environment)
            #expect(report.status == 0, "\(report.standardError)")
            let line = try #require(report.standardOutput.split(separator: "\n").first { $0.contains("task.accept") }, "\(report.standardOutput)")
            #expect(line.contains(event))
            #expect(line.contains("pfbot task accept"))
        }
    }
}

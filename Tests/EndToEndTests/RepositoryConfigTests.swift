import Foundation
import GitHub
import JSON
import PFBotCore
import PFBotTestSupport
import Sandbox
import SandboxWorld
import Storage
import Testing

/// A repository's own `.github/pfbot.yml`, pushed to GitHub as people do: read from the default branch when a push
/// changes it, applied to commands and submissions, checked as `pfbot / config` on any push that changes it, and
/// never weakened by a broken version.
extension ActionModeEventTests {
    static let configPath = ".github/pfbot.yml"

    /// The `pfbot / config` check runs on a commit.
    func configChecks(_ world: SandboxWorld, on sha: String) async -> [(run: JSONValue, annotations: [JSONValue], batches: [Int])] {
        await world.github.emulator.checkRuns(owner: "acme", repo: "tasks").filter {
            $0.run["name"]?.stringValue == "pfbot / config" && $0.run["head_sha"]?.stringValue == sha
        }
    }

    @Test func aPermissionRaisedInTheFile_refusesAUserItWouldOtherwiseAllow() async throws {
        try await withSandboxWorld(prefix: "pfbot-repo-config", collaborators: [Self.maintainer: "admin", "hubot": "write"]) { world, _ in
            let (_, _, pull) = try await acceptedTask(world)
            let writer = SandboxContributor(login: "hubot", world: world)
            try await writer.comment(on: pull, "/pf priority 3")
            try await world.settle()
            #expect(try await comments(world, pull).last?.contains("Priority set to 3.") == true, "write access is enough by default")

            let owner = SandboxContributor(login: Self.maintainer, world: world)
            let sha = try await owner.push(to: "main", message: "Only admins set priorities",
                                           extra: [Self.configPath: "require_approval: false\ncommands:\n  priority: admin\n"]) { _, _ in nil }
            try await world.settle()
            #expect(await configChecks(world, on: sha).first?.run["conclusion"]?.stringValue == "success")

            try await writer.comment(on: pull, "/pf priority 4")
            try await world.settle()
            let refused = try #require(try await comments(world, pull).last)
            #expect(refused.contains("@hubot has write access; `/pf priority` needs admin or higher."), "\(refused)")
            try await owner.comment(on: pull, "/pf priority 4")
            try await world.settle()
            #expect(try await comments(world, pull).last?.contains("Priority set to 4.") == true)
        }
    }

    @Test func requireApprovalInTheFile_blocksASubmissionWithoutApproval() async throws {
        try await withSandboxWorld(prefix: "pfbot-repo-approval", collaborators: [Self.maintainer: "admin"]) { world, _ in
            let owner = SandboxContributor(login: Self.maintainer, world: world)
            _ = try await owner.push(to: "main", message: "Reviews first", extra: [Self.configPath: "require_approval: true\n"]) { _, _ in nil }
            try await world.settle()
            let (id, branch, pull) = try await acceptedTask(world)
            _ = try await owner.push(to: branch, message: "Write the guide", extra: [try await folder(world, id) + "/GUIDE.md": Self.guide],
                                     edit: SandboxContributor.completeTemplates)
            try await world.settle()
            try await owner.merge(pull)
            try await world.settle()
            #expect(await world.taskNode.task(id)?.statusKey == "accepted", "merged without an approving review: not submitted")
            let issue = try #require(try await world.store.task(try TaskID(id))?.issueNumber)
            #expect(try await comments(world, issue).contains { $0.contains("this repository requires an approving review") })
        }
    }

    @Test func aBrokenFile_failsTheConfigCheckWithItsLines_andTheLastGoodStaysInForce() async throws {
        try await withSandboxWorld(prefix: "pfbot-repo-broken", collaborators: [Self.maintainer: "admin", "hubot": "write"]) { world, _ in
            let (_, _, pull) = try await acceptedTask(world)
            let owner = SandboxContributor(login: Self.maintainer, world: world)
            _ = try await owner.push(to: "main", message: "Only admins set priorities", extra: [Self.configPath: "commands:\n  priority: admin\n"]) { _, _ in nil }
            try await world.settle()

            let broken = "require_approval: maybe\ncommands:\n  priority: god\n"
            // On a branch (as a pull request would bring it): the check shows each problem on its line.
            let proposal = try await owner.push(to: "tune-pfbot", from: "main", message: "Tune pfbot", extra: [Self.configPath: broken]) { _, _ in nil }
            try await world.settle()
            let check = try #require(await configChecks(world, on: proposal).first)
            #expect(check.run["conclusion"]?.stringValue == "failure")
            #expect(check.run["output"]?["title"]?.stringValue == "2 problems in .github/pfbot.yml")
            let lines = Set(check.annotations.compactMap { $0["start_line"]?.intValue })
            #expect(lines == [1, 3], "\(check.annotations)")
            #expect(check.annotations.allSatisfy { $0["path"]?.stringValue == Self.configPath })

            // Merged to the default branch anyway: the last good file stays in force, and the log and audit say so.
            let merged = try await owner.push(to: "main", message: "Tune pfbot", extra: [Self.configPath: broken]) { _, _ in nil }
            try await world.settle()
            #expect(await configChecks(world, on: merged).first?.run["conclusion"]?.stringValue == "failure")
            try await SandboxContributor(login: "hubot", world: world).comment(on: pull, "/pf priority 4")
            try await world.settle()
            #expect(try await comments(world, pull).last?.contains("`/pf priority` needs admin or higher.") == true)
            #expect(try await world.store.auditLog(limit: 100).contains { $0.action == "repository-config.invalid" })
        }
    }
}

import Foundation
import Git
import GitHub
import PFBotCore
import PFBotTestSupport
import Pipeline
import SandboxWorld
import Storage
import Testing

/// Template-pack steps end to end: `pfbot action` (a separate process, as a runner starts it) runs the pack's steps
/// on a push to the task branch, commits the declared outputs once with a `Pfbot-Step:` trailer and reports them on
/// "pfbot / steps"; the server only says where steps run.
@Suite(.serialized) struct ActionModeStepsTests: ActionsSuiteHelpers {
    static let maintainer = "octocat"
    /// The built-in docs pack with a step that counts the guide's lines into `stats/lines.txt`.
    static let pack: [String: String] = [
        ".github/pfbot/templates/docs/pack.yml": """
            name: docs
            description: A guide, with its line count committed by a step.
            when:
              categories: [docs]
              keywords: [guide]
            files:
              - template: GUIDE.md.mustache
                destination: "{{folder}}/GUIDE.md"
            steps:
              - name: count
                run: "mkdir -p stats && cat {{folder}}/GUIDE.md | wc -l | tr -d ' ' > stats/lines.txt && echo counted"
                timeout_seconds: 60
                produces: [stats/lines.txt]
                commit: true
            """,
        ".github/pfbot/templates/docs/GUIDE.md.mustache": "# {{title}}\n\n## Installation\n\nTODO(pf): explain.\n",
    ]

    @Test func aPush_runsTheSteps_andCommitsTheirOutputOnce() async throws {
        try await withSandboxWorld(prefix: "pfbot-action-steps", collaborators: [Self.maintainer: "admin"]) { world, directory in
            let owner = SandboxContributor(login: Self.maintainer, world: world)
            _ = try await owner.push(to: "main", message: "A docs pack with a step", extra: Self.pack) { _, _ in nil }
            try await world.settle()
            let (id, branch) = try await acceptedTask(world)
            let guide = try await folder(world, id) + "/GUIDE.md"
            let head = try await owner.push(to: branch, message: "Write the guide", extra: [guide: "# Guide\n\n## Installation\n\nRun it.\n"]) { _, _ in nil }
            let push = try #require(try await world.takeDeliveries().last { $0.event == "push" })
            let result = try await runAction(world, directory, event: "push", body: push.body, run: 1)
            #expect(result.status == 0, "\(result.standardOutput)\n\(result.standardError.suffix(3000))")

            let tip = try await branchTip(world, branch)
            #expect(tip.sha != head, "the step's output was committed")
            #expect(tip.lines == "5\n")
            let message = try await commitMessage(world, tip.sha)
            #expect(message.contains("Pfbot-Step: count"), "\(message)")
            // GitHub sends a push webhook for pfbot's push; the emulator sends one when told of the push.
            await world.github.emulator.notePush(as: "github-actions[bot]", owner: "acme", repo: "tasks", branch: branch, before: head, after: tip.sha, message: message)
            let stepPush = try #require(try await world.takeDeliveries().last { $0.event == "push" })
            let check = try #require(await world.github.emulator.checkRuns(owner: "acme", repo: "tasks").last { $0.run["name"]?.stringValue == "pfbot / steps" })
            #expect(check.run["head_sha"]?.stringValue == head)
            #expect(check.run["conclusion"]?.stringValue == "success")
            #expect((check.run["output"]?["summary"]?.stringValue ?? "").contains("| count | ✅ exit 0 |"))

            // The push of the step's own commit does not run the steps again (no loop).
            let again = try await runAction(world, directory, event: "push", body: stepPush.body, run: 2)
            #expect(again.status == 0, "\(again.standardError.suffix(3000))")
            #expect(try await branchTip(world, branch).sha == tip.sha)
            // Re-running the first push: the outputs equal the branch's, nothing is committed.
            let rerun = try await runAction(world, directory, event: "push", body: push.body, run: 3)
            #expect(rerun.status == 0, "\(rerun.standardError.suffix(3000))")
            #expect(try await branchTip(world, branch).sha == tip.sha)
        }
    }

    @Test func pfRun_inActions_runsTheNamedStep_andRefusesAnUnknownOne() async throws {
        try await withSandboxWorld(prefix: "pfbot-action-run", collaborators: [Self.maintainer: "admin"]) { world, directory in
            let owner = SandboxContributor(login: Self.maintainer, world: world)
            _ = try await owner.push(to: "main", message: "A docs pack with a step", extra: Self.pack) { _, _ in nil }
            try await world.settle()
            let (id, branch) = try await acceptedTask(world)
            let pull = try #require(try await world.store.task(try TaskID(id))?.pullNumber)
            let before = try await branchTip(world, branch).sha
            _ = try await world.takeDeliveries()

            try await owner.comment(on: pull, "/pf run nosuch")
            let unknown = try #require(try await world.takeDeliveries().last { $0.event == "issue_comment" })
            #expect(try await runAction(world, directory, event: "issue_comment", body: unknown.body, run: 1).status == 0)
            // Found by its text: the first QC report comment of this Actions run may come after the reply.
            let comments = try await world.context.github.listComments(world.repository, issue: pull).compactMap(\.body)
            #expect(comments.contains { $0.contains("has no step `nosuch`; its steps: `count`") }, "\(comments)")

            try await owner.comment(on: pull, "/pf run count")
            let comment = try #require(try await world.takeDeliveries().last { $0.event == "issue_comment" })
            let result = try await runAction(world, directory, event: "issue_comment", body: comment.body, run: 2)
            #expect(result.status == 0, "\(result.standardOutput)\n\(result.standardError.suffix(3000))")
            let tip = try await branchTip(world, branch)
            #expect(tip.sha != before)
            #expect(tip.lines != nil)
            #expect(try await commitMessage(world, tip.sha).contains("Pfbot-Step: count"))
            let check = try #require(await world.github.emulator.checkRuns(owner: "acme", repo: "tasks").last { $0.run["name"]?.stringValue == "pfbot / steps" })
            #expect(check.run["head_sha"]?.stringValue == before)
        }
    }

    @Test func pfRun_onTheServer_saysWhereStepsRun() async throws {
        try await withSandboxWorld(prefix: "pfbot-server-run", collaborators: [Self.maintainer: "admin"]) { world, _ in
            let (id, _) = try await acceptedTask(world)
            let record = try #require(try await world.store.task(try TaskID(id)))
            let pull = try #require(record.pullNumber)
            try await SandboxContributor(login: Self.maintainer, world: world).comment(on: pull, "/pf run")
            try await world.settle()
            let comments = try await world.context.github.listComments(world.repository, issue: pull).compactMap(\.body)
            #expect(comments.contains { $0.contains("Steps run in GitHub Actions, never on the pfbot server") }, "\(comments)")
            #expect(await world.github.emulator.checkRuns(owner: "acme", repo: "tasks").allSatisfy { $0.run["name"]?.stringValue != "pfbot / steps" })
        }
    }

    // MARK: - Helpers

    func branchTip(_ world: SandboxWorld, _ branch: String) async throws -> (sha: String, lines: String?) {
        let workspace = LibGit2Workspace(dataDirectory: world.directory.appendingPathComponent("reader-\(UUID().uuidString.prefix(6))"))
        let token = try await world.context.git.token()
        let handle = try await workspace.mirror(remoteURL: world.context.git.remoteURL, token: token)
        try await workspace.fetch(in: handle, token: token)
        let sha = try await workspace.resolve(in: handle, ref: branch)
        return (sha, try await workspace.readFile(in: handle, ref: branch, path: "stats/lines.txt").map { String(decoding: $0, as: UTF8.self) })
    }

    /// The full message of a commit in the emulated GitHub's bare repository.
    func commitMessage(_ world: SandboxWorld, _ sha: String) async throws -> String {
        let repository = await world.github.host.path(owner: "acme", name: "tasks")
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        git.arguments = ["--git-dir", repository.path, "log", "-1", "--format=%B", sha]
        let output = Pipe()
        git.standardOutput = output
        try git.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        git.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

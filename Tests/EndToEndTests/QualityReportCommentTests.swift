import Foundation
import Git
import GitHub
import JSON
import PFBotCore
import PFBotTestSupport
import Pipeline
import Sandbox
import SandboxWorld
import Testing

/// The full QC report in three places that must agree word for word: the "pfbot / QC" check run's summary, one
/// sticky comment on the task's pull request (posted once, edited in place only when the report changes), and the
/// file `pfbot qc --output` writes, run as its own process against the same store and GitHub emulator.
@Suite(.serialized) struct QualityReportCommentTests {
    static let maintainer = "octocat"

    @Test func qcReport_isOneStickyComment_editedOnlyWhenItChanges_andQcOutputWritesTheSameText() async throws {
        try await withSandboxWorld(prefix: "pfbot-qc-comment", collaborators: [Self.maintainer: "admin"]) { world, directory in
            let (id, branch) = try await world.acceptedDocsTask(by: Self.maintainer)
            let record = try #require(try await world.store.task(try TaskID(id)))
            let pull = try #require(record.pullNumber)
            let marker = "<!-- pfbot:event=qc-report:\(id) -->"

            // The scaffold failed QC: one comment, the check's summary below the marker.
            let failed = try #require(await Self.lastRun(world))
            #expect(failed["conclusion"]?.stringValue == "failure")
            var comments = try await Self.reportComments(world, pull: pull, marker: marker)
            #expect(comments.count == 1)
            let comment = try #require(comments.first)
            #expect(comment.body == marker + "\n" + (failed["output"]?["summary"]?.stringValue ?? "?"))
            #expect(comment.body?.contains("QC rules failed") == true)
            #expect(await Self.commentWrites(world, pull: pull, comment: comment.id) == (posts: 1, patches: 0))

            // A push that fixes it changes the verdict: the same comment is edited in place.
            let folder = TemplateRenderer.folder(for: record.task)
            let head = try await SandboxContributor(login: Self.maintainer, world: world)
                .push(to: branch, message: "Write the guide", extra: [folder + "/GUIDE.md": "# Guide\n\n## Installation\n\nRun the installer.\n"],
                      edit: SandboxContributor.completeTemplates)
            try await world.settle()
            let passed = try #require(await Self.lastRun(world))
            #expect(passed["head_sha"]?.stringValue == head)
            #expect(passed["conclusion"]?.stringValue == "success")
            comments = try await Self.reportComments(world, pull: pull, marker: marker)
            #expect(comments.map(\.id) == [comment.id])
            #expect(comments.first?.body == marker + "\n" + (passed["output"]?["summary"]?.stringValue ?? "?"))
            #expect(comments.first?.body?.contains("QC rules passed") == true)
            #expect(await Self.commentWrites(world, pull: pull, comment: comment.id) == (posts: 1, patches: 1))

            // Re-run on the check judges the head again; the report is the same, so the comment is not written.
            let runs = await Self.qcRuns(world).count
            try await world.github.emulator.rerequestCheckRun(as: Self.maintainer, owner: "acme", repo: "tasks", id: try #require(passed["id"]?.intValue))
            try await world.settle()
            #expect(await Self.qcRuns(world).count == runs + 1)
            #expect(await Self.lastRun(world)?["output"]?["summary"] == passed["output"]?["summary"])
            #expect(await Self.commentWrites(world, pull: pull, comment: comment.id) == (posts: 1, patches: 1))
            #expect(try await Self.reportComments(world, pull: pull, marker: marker).count == 1)

            // `pfbot qc --output` as its own process writes the check's summary, byte for byte, and commits nothing.
            let environment = [
                "GITHUB_TOKEN": SandboxWorld.actionsToken, "PFBOT_GITHUB_REPOSITORY": "acme/tasks", "PFBOT_GITHUB_API_URL": world.github.apiURL,
                "PFBOT_TASKNODE_URL": world.taskNodeURL, "PFBOT_WALLET_SEED": SandboxWorld.walletSeed, "PFBOT_DATA_DIR": directory.file("cli-data"),
                "PFBOT_STORAGE_URL": "sqlite:" + world.directory.appendingPathComponent("pfbot.sqlite").path,
            ]
            let output = directory.file("qc-report.md")
            let result = try await CommandRunner().runAsync(["qc", "--branch", branch, "--output", output], in: directory.path, environment: environment)
            #expect(result.status == 0, "\(result.standardOutput)\n\(result.standardError)")
            #expect(result.standardOutput.contains("QC report written to \(output)"))
            #expect(try String(contentsOfFile: output, encoding: .utf8) == passed["output"]?["summary"]?.stringValue)
            #expect(try await Self.branchHead(world, branch) == head)

            // A file that cannot be written is a `cannot_write` error in the JSON envelope, naming the file.
            let unwritable = directory.file("no-such-folder/qc-report.md")
            let refused = try await CommandRunner().runAsync(["qc", "--branch", branch, "--output", unwritable, "--json"], in: directory.path,
                                                             environment: environment)
            #expect(refused.status == 1)
            #expect(refused.standardOutput.contains("\"code\":\"cannot_write\""), "\(refused.standardOutput)\n\(refused.standardError)")
            #expect(refused.standardOutput.contains("no-such-folder"))
        }
    }

    /// The commit `branch` points at on the sandbox's remote, read through a clone of its own.
    static func branchHead(_ world: SandboxWorld, _ branch: String) async throws -> String {
        let workspace = LibGit2Workspace(dataDirectory: world.directory.appendingPathComponent("reader"))
        let token = "token-\(maintainer)"
        let handle = try await workspace.mirror(remoteURL: world.context.git.remoteURL, token: token)
        try await workspace.fetch(in: handle, token: token)
        return try await workspace.resolve(in: handle, ref: branch)
    }

    /// The comments on the pull request carrying the report's marker.
    static func reportComments(_ world: SandboxWorld, pull: Int, marker: String) async throws -> [IssueComment] {
        try await world.context.github.listComments(world.repository, issue: pull, since: nil).filter { ($0.body ?? "").contains(marker) }
    }

    /// The bot's comment creations on the pull request and edits of the report comment.
    static func commentWrites(_ world: SandboxWorld, pull: Int, comment: Int) async -> (posts: Int, patches: Int) {
        let requests = await world.botRequests()
        return (requests.filter { $0.method == "POST" && $0.path == "/repos/acme/tasks/issues/\(pull)/comments" }.count,
                requests.filter { $0.method == "PATCH" && $0.path == "/repos/acme/tasks/issues/comments/\(comment)" }.count)
    }

    /// The "pfbot / QC" check runs, oldest first.
    static func qcRuns(_ world: SandboxWorld) async -> [JSONValue] {
        await world.github.emulator.checkRuns(owner: "acme", repo: "tasks").map(\.run).filter { $0["name"]?.stringValue == QualityControl.checkName }
    }

    /// The latest "pfbot / QC" check run.
    static func lastRun(_ world: SandboxWorld) async -> JSONValue? {
        await qcRuns(world).last
    }
}

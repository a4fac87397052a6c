import Foundation
import PFBotCore
import PFBotTestSupport
import Pipeline
import SandboxWorld
import Storage
import Testing

/// QC of a task branch holding files of tens of MB, pushed through the loopback git smart-HTTP server: the push
/// webhook runs QC, which judges the files past `qc.read_file_bytes` and `qc.read_budget_bytes` by their size from the
/// tree, names them in the check run's summary, and completes; `pfbot qc --branch` as a process reports the same.
@Suite(.serialized) struct LargeFileQualityControlTests {
    static let readBudget = 8 << 20
    static let readFileCap = 4 << 20

    @Test func aBranchOfLargeFiles_isJudgedByItsSizesWithoutReadingThem() async throws {
        try await withSandboxWorld(prefix: "pfbot-qc-large", collaborators: ["octocat": "admin"], configure: { configuration in
            configuration.repository.qc.readBudgetBytes = Self.readBudget
            configuration.repository.qc.readFileBytes = Self.readFileCap
        }) { world, directory in
            let maintainer = SandboxContributor(login: "octocat", world: world)
            let id = await world.propose(title: "Publish the sample data set", description: "- Add the data files", pft: 60)
            let taskID = try TaskID(id)
            try await world.sync()
            let issue = try #require(try await world.store.task(taskID)?.issueNumber)
            try await maintainer.comment(on: issue, "/pf accept")
            try await world.settle()
            let record = try #require(try await world.store.task(taskID))
            let branch = try #require(record.branch)
            let folder = TemplateRenderer.folder(for: record.task)

            // 72 MB in three files, each past the per-file cap, together nine times the run's read budget; one small file is read.
            let large = ["\(folder)/data/part-1.bin": 20 << 20, "\(folder)/data/part-2.bin": 24 << 20, "\(folder)/data/part-3.bin": 28 << 20]
            var extra = large.mapValues { String(repeating: "x", count: $0) }
            extra["\(folder)/data/NOTES.md"] = "# Notes\n\nThe parts are fixed-width records.\n"
            let head = try await maintainer.push(to: branch, message: "Add the data", extra: extra, edit: SandboxContributor.completeTemplates)
            try await world.settle()

            // The push's QC completed and its summary names every large file with its size from the tree.
            let runs = await world.github.emulator.checkRuns(owner: SandboxWorld.owner, repo: SandboxWorld.repositoryName).map(\.run)
            let run = try #require(runs.last { $0["head_sha"]?.stringValue == head && $0["name"]?.stringValue == "pfbot / QC" })
            #expect(run["status"]?.stringValue == "completed")
            let summary = try #require(run["output"]?["summary"]?.stringValue)
            #expect(summary.contains("3 file(s) judged by their size alone, not read"), "\(summary)")
            for (path, size) in large {
                #expect(summary.contains("`\(path)` (\(size) bytes)"), "\(path) missing from \(summary)")
            }
            #expect(!summary.contains("NOTES.md` ("), "the small file was read, so it is not listed as unread")
            // The sizes still count: the size rule fails on them (qc.max_file_bytes is 1 MB by default).
            let verdict = try #require(try await world.store.qualityVerdict(task: taskID, head: head))
            #expect(verdict.rules.first { $0.rule == "size" }?.passed == false)

            // The CLI entry point over the same store reports the same, as a separate process.
            let result = try await CommandRunner().runAsync(["qc", "--branch", branch], in: directory.path, environment: [
                "GITHUB_TOKEN": SandboxWorld.actionsToken, "PFBOT_WALLET_SEED": SandboxWorld.walletSeed,
                "PFBOT_GITHUB_REPOSITORY": "\(SandboxWorld.owner)/\(SandboxWorld.repositoryName)", "PFBOT_GITHUB_API_URL": world.github.apiURL,
                "PFBOT_TASKNODE_URL": world.taskNodeURL, "PFBOT_DATA_DIR": directory.file("cli-data"),
                "PFBOT_STORAGE_URL": "sqlite:" + world.directory.appendingPathComponent("pfbot.sqlite").path,
                "PFBOT_REPOSITORY_QC_READ_BUDGET_BYTES": String(Self.readBudget), "PFBOT_REPOSITORY_QC_READ_FILE_BYTES": String(Self.readFileCap),
            ])
            #expect(result.status == 1, "size fails, so pfbot qc exits 1: \(result.standardError)")
            for (path, size) in large {
                #expect(result.standardOutput.contains("`\(path)` (\(size) bytes)"), "\(result.standardOutput)\n\(result.standardError)")
            }
        }
    }
}

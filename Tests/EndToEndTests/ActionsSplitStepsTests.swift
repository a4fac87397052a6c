import Foundation
import Git
import GitHub
import PFBotCore
import PFBotTestSupport
import Pipeline
import Sandbox
import SandboxWorld
import Testing

/// The default workflow's three jobs end to end, each a separate `pfbot action` process as a runner starts it: the
/// job with the write token and the wallet handles the event and runs no repository code (it plans the steps and
/// the tests rule and leaves their checks in progress); the steps job runs them with a read-only token and no
/// secrets; the last job commits only the declared outputs and completes the same checks.
@Suite(.serialized) struct ActionsSplitStepsTests: ActionsSuiteHelpers {
    static let maintainer = "octocat"

    @Test func stepsAndTests_runInTheReadOnlyJob_andTheLastJobAppliesOnlyWhatThePlanDeclares() async throws {
        try await withSandboxWorld(prefix: "pfbot-split-steps", collaborators: [Self.maintainer: "admin"]) { world, directory in
            let owner = SandboxContributor(login: Self.maintainer, world: world)
            _ = try await owner.push(to: "main", message: "A docs pack with a step", extra: ActionModeStepsTests.pack) { _, _ in nil }
            try await world.settle()
            let (id, branch) = try await acceptedTask(world)
            let guide = try await folder(world, id) + "/GUIDE.md"
            let broken = try await owner.push(to: branch, message: "Write the guide and a test", extra: [
                guide: "# Guide\n\n## Installation\n\nRun it.\n", "check.sh": ActionModeTestsRuleTests.script, "value.txt": "broken\n",
            ], edit: SandboxContributor.completeTemplates)
            let push = try #require(try await world.takeDeliveries().last { $0.event == "push" })
            let runner = ActionsRunner(world: world, pfbot: URL(fileURLWithPath: try CommandRunner().executable),
                                       directory: URL(fileURLWithPath: directory.file("workflow")))
            let readOnlyBefore = await readOnlyRequests(world).count
            let first = try await runner.runWorkflow(event: "push", body: Data(push.body), environment: ActionModeTestsRuleTests.settings) { results in
                // A hostile steps job adds files no step declares; the last job must not commit them.
                for key in try FileManager.default.contentsOfDirectory(atPath: results.path) {
                    let files = results.appendingPathComponent(key).appendingPathComponent("files")
                    try FileManager.default.createDirectory(at: files.appendingPathComponent(".github/workflows"), withIntermediateDirectories: true)
                    try Data("on: push\n".utf8).write(to: files.appendingPathComponent(".github/workflows/evil.yml"))
                    try Data("evil\n".utf8).write(to: files.appendingPathComponent("evil.txt"))
                }
            }
            #expect(first.plan.status == 0, "\(first.plan.log.suffix(3000))")
            let plan = try StepPlan.decode(try #require(first.planText, "the planning job planned the steps and the tests"))
            #expect(plan.requests.count == 2)
            let steps = try #require(first.steps)
            #expect(steps.status == 0, "\(steps.log.suffix(3000))")
            let apply = try #require(first.apply)
            #expect(apply.status == 0, "\(apply.log.suffix(3000))")

            // The steps job read with the read-only token and wrote nothing.
            let readOnly = await readOnlyRequests(world).dropFirst(readOnlyBefore)
            #expect(!readOnly.isEmpty)
            #expect(readOnly.allSatisfy { $0.method == "GET" }, "\(readOnly.map { "\($0.method) \($0.path)" })")

            // One check of each kind on the pushed commit, started by the planning job and completed by the last.
            let runs = await world.github.emulator.checkRuns(owner: "acme", repo: "tasks").filter { $0.run["head_sha"]?.stringValue == broken }
            let stepsChecks = runs.filter { $0.run["name"]?.stringValue == "pfbot / steps" }
            let qcChecks = runs.filter { $0.run["name"]?.stringValue == "pfbot / QC" }
            #expect(stepsChecks.count == 1 && qcChecks.count == 1, "\(runs.map { $0.run["name"]?.stringValue ?? "" })")
            #expect(stepsChecks.first?.run["conclusion"]?.stringValue == "success")
            let qc = try #require(qcChecks.first)
            #expect(qc.run["conclusion"]?.stringValue == "failure")
            let summary = qc.run["output"]?["summary"]?.stringValue ?? ""
            #expect(summary.contains("| tests | ❌ fail | `sh check.sh` failed (exit 1): FAIL: value.txt is not fixed |"), "\(summary)")
            #expect(qc.annotations.contains { $0["path"]?.stringValue == "value.txt" && $0["message"]?.stringValue == "Value.isFixed failed: value.txt is not fixed" })

            // The step's declared output is committed with its trailer; what the steps job added is not.
            let tip = try await ActionModeStepsTests().branchTip(world, branch)
            #expect(tip.sha != broken)
            #expect(tip.lines == "5\n")
            #expect(try await ActionModeStepsTests().commitMessage(world, tip.sha).contains("Pfbot-Step: count"))
            let files = try await treePaths(world, tip.sha)
            #expect(!files.contains("evil.txt") && !files.contains(".github/workflows/evil.yml"), "\(files)")

            // The fix: the tests pass in the steps job and QC passes; the unchanged step output commits nothing.
            let fixed = try await owner.push(to: branch, message: "Fix the value", extra: ["value.txt": "fixed\n"]) { _, _ in nil }
            let second = try #require(try await world.takeDeliveries().last { $0.event == "push" })
            let again = try await runner.runWorkflow(event: "push", body: Data(second.body), environment: ActionModeTestsRuleTests.settings)
            #expect(again.apply?.status == 0, "\(again.apply?.log.suffix(3000) ?? again.plan.log.suffix(3000))")
            let passing = try #require(await world.github.emulator.checkRuns(owner: "acme", repo: "tasks")
                .last { $0.run["head_sha"]?.stringValue == fixed && $0.run["name"]?.stringValue == "pfbot / QC" })
            #expect(passing.run["conclusion"]?.stringValue == "success", "\(passing.run["output"]?["summary"]?.stringValue ?? "")")
            #expect((passing.run["output"]?["summary"]?.stringValue ?? "").contains("| tests | ✅ pass | `sh check.sh` passed in"))
            #expect(try await ActionModeStepsTests().branchTip(world, branch).sha == fixed)
        }
    }

    @Test func aStepsJobThatLeftNoResult_failsTheChecks_insteadOfLeavingThemRunning() async throws {
        try await withSandboxWorld(prefix: "pfbot-split-lost", collaborators: [Self.maintainer: "admin"]) { world, directory in
            let owner = SandboxContributor(login: Self.maintainer, world: world)
            let (id, branch) = try await acceptedTask(world)
            let guide = try await folder(world, id) + "/GUIDE.md"
            let head = try await owner.push(to: branch, message: "Write the guide", extra: [guide: "# Guide\n\n## Installation\n\nRun it.\n", "check.sh": "exit 0\n"],
                                            edit: SandboxContributor.completeTemplates)
            let push = try #require(try await world.takeDeliveries().last { $0.event == "push" })
            let runner = ActionsRunner(world: world, pfbot: URL(fileURLWithPath: try CommandRunner().executable),
                                       directory: URL(fileURLWithPath: directory.file("workflow")))
            let run = try await runner.runWorkflow(event: "push", body: Data(push.body), environment: ActionModeTestsRuleTests.settings) { results in
                // The steps job was cancelled: its results never arrive.
                try FileManager.default.removeItem(at: results)
                try FileManager.default.createDirectory(at: results, withIntermediateDirectories: true)
            }
            #expect(run.apply?.status == 0, "\(run.apply?.log.suffix(3000) ?? run.plan.log.suffix(3000))")
            let qc = try #require(await world.github.emulator.checkRuns(owner: "acme", repo: "tasks")
                .last { $0.run["head_sha"]?.stringValue == head && $0.run["name"]?.stringValue == "pfbot / QC" })
            #expect(qc.run["status"]?.stringValue == "completed")
            #expect(qc.run["conclusion"]?.stringValue == "failure")
            #expect((qc.run["output"]?["summary"]?.stringValue ?? "").contains("was not run: the steps job left no result"))
        }
    }

    /// `/pf run STEP` in the three-job workflow: the comment's job plans the step, the read-only job runs it, the
    /// last job commits its output; the check started by the first job is the one completed.
    @Test func pfRun_isPlanned_runInTheReadOnlyJob_andCommittedByTheLast() async throws {
        try await withSandboxWorld(prefix: "pfbot-split-run", collaborators: [Self.maintainer: "admin"]) { world, directory in
            let owner = SandboxContributor(login: Self.maintainer, world: world)
            _ = try await owner.push(to: "main", message: "A docs pack with a step", extra: ActionModeStepsTests.pack) { _, _ in nil }
            try await world.settle()
            let (id, branch) = try await acceptedTask(world)
            let pull = try #require(try await world.store.task(try TaskID(id))?.pullNumber)
            let before = try await ActionModeStepsTests().branchTip(world, branch).sha
            _ = try await world.takeDeliveries()
            try await owner.comment(on: pull, "/pf run count")
            let comment = try #require(try await world.takeDeliveries().last { $0.event == "issue_comment" })
            let runner = ActionsRunner(world: world, pfbot: URL(fileURLWithPath: try CommandRunner().executable),
                                       directory: URL(fileURLWithPath: directory.file("workflow")))
            let run = try await runner.runWorkflow(event: "issue_comment", body: Data(comment.body))
            #expect(run.plan.status == 0 && run.steps?.status == 0 && run.apply?.status == 0,
                    "\(run.plan.log.suffix(2000))\n\(run.steps?.log.suffix(2000) ?? "")\n\(run.apply?.log.suffix(2000) ?? "")")
            let plan = try StepPlan.decode(try #require(run.planText))
            #expect(plan.requests.map { $0.commands.map(\.name) } == [["count"]])
            let tip = try await ActionModeStepsTests().branchTip(world, branch)
            #expect(tip.sha != before && tip.lines != nil)
            #expect(try await ActionModeStepsTests().commitMessage(world, tip.sha).contains("Pfbot-Step: count"))
            let checks = await world.github.emulator.checkRuns(owner: "acme", repo: "tasks")
                .filter { $0.run["name"]?.stringValue == "pfbot / steps" && $0.run["head_sha"]?.stringValue == before }
            #expect(checks.count == 1)
            #expect(checks.first?.run["conclusion"]?.stringValue == "success")
        }
    }

    func readOnlyRequests(_ world: SandboxWorld) async -> [RecordedRequest] {
        await world.github.emulator.requests().filter { $0.headers["authorization"] == "Bearer \(SandboxWorld.readOnlyWorkflowToken)" }
    }

    func treePaths(_ world: SandboxWorld, _ sha: String) async throws -> Set<String> {
        let workspace = LibGit2Workspace(dataDirectory: world.directory.appendingPathComponent("tree-\(UUID().uuidString.prefix(6))"))
        let token = try await world.context.git.token()
        let handle = try await workspace.mirror(remoteURL: world.context.git.remoteURL, token: token)
        try await workspace.fetch(in: handle, token: token)
        return Set(try await workspace.listTree(in: handle, ref: sha).map(\.path))
    }
}

import Foundation
import GitHub
import PFBotCore
import PFBotTestSupport
import Pipeline
import SandboxWorld
import Storage
import Testing

/// The `tests` QC rule end to end: `pfbot action` (a separate process, as a runner starts it) runs the repository's
/// test command on the pushed commit and its exit status joins the QC verdict; the server never runs it.
@Suite(.serialized) struct ActionModeTestsRuleTests: ActionsSuiteHelpers {
    static let maintainer = "octocat"
    static let guide = "# Guide\n\n## Installation\n\nRun the installer.\n"
    /// A test script that fails until `value.txt` says `fixed`, writing JUnit XML either way.
    static let script = """
        #!/bin/sh
        if grep -q fixed value.txt; then
          echo '<testsuite><testcase classname="Value" name="isFixed"/></testsuite>' > report.xml
          echo "all tests passed"
        else
          echo '<testsuite><testcase classname="Value" name="isFixed" file="value.txt" line="1"><failure message="value.txt is not fixed"/></testcase></testsuite>' > report.xml
          echo "FAIL: value.txt is not fixed"
          exit 1
        fi

        """
    static let settings = ["PFBOT_REPOSITORY_QC_TEST_COMMAND": "sh check.sh", "PFBOT_REPOSITORY_QC_JUNIT_PATH": "report.xml"]

    @Test func aFailingTest_failsQC_andTheFix_passesIt() async throws {
        try await withSandboxWorld(prefix: "pfbot-action-tests", collaborators: [Self.maintainer: "admin"]) { world, directory in
            let (id, branch) = try await acceptedTask(world)
            let person = SandboxContributor(login: Self.maintainer, world: world)
            let guidePath = try await folder(world, id) + "/GUIDE.md"
            let broken = try await person.push(to: branch, message: "Write the guide and a test", extra: [guidePath: Self.guide, "check.sh": Self.script, "value.txt": "broken\n"],
                                               edit: SandboxContributor.completeTemplates)
            let first = try #require(try await world.takeDeliveries().last { $0.event == "push" })
            let failed = try await runAction(world, directory, event: "push", body: first.body, run: 1, extra: Self.settings)
            #expect(failed.status == 0, "\(failed.standardOutput)\n\(failed.standardError.suffix(3000))")
            let failing = try #require(await world.github.emulator.checkRuns(owner: "acme", repo: "tasks").last { $0.run["head_sha"]?.stringValue == broken })
            #expect(failing.run["conclusion"]?.stringValue == "failure")
            let summary = failing.run["output"]?["summary"]?.stringValue ?? ""
            #expect(summary.contains("| tests | ❌ fail | `sh check.sh` failed (exit 1): FAIL: value.txt is not fixed |"), "\(summary)")
            #expect(!summary.contains("| deliverables | ❌"), "\(summary)")
            #expect(failing.annotations.contains { $0["path"]?.stringValue == "value.txt" && $0["message"]?.stringValue == "Value.isFixed failed: value.txt is not fixed" })
            #expect(failing.annotations.contains { ($0["message"]?.stringValue ?? "").contains("FAIL: value.txt is not fixed") })

            let fixed = try await person.push(to: branch, message: "Fix the value", extra: ["value.txt": "fixed\n"]) { _, _ in nil }
            let second = try #require(try await world.takeDeliveries().last { $0.event == "push" })
            let passed = try await runAction(world, directory, event: "push", body: second.body, run: 2, extra: Self.settings)
            #expect(passed.status == 0, "\(passed.standardError.suffix(3000))")
            let passing = try #require(await world.github.emulator.checkRuns(owner: "acme", repo: "tasks").last { $0.run["head_sha"]?.stringValue == fixed })
            #expect(passing.run["conclusion"]?.stringValue == "success", "\(passing.run["output"]?["summary"]?.stringValue ?? "")")
            #expect((passing.run["output"]?["summary"]?.stringValue ?? "").contains("| tests | ✅ pass | `sh check.sh` passed in"))
        }
    }

    @Test func theServer_neverRunsTheTests_andSaysWhereTheyRun() async throws {
        try await withSandboxWorld(prefix: "pfbot-server-tests", collaborators: [Self.maintainer: "admin"]) { world, directory in
            let marker = directory.file("ran-on-server")
            let owner = SandboxContributor(login: Self.maintainer, world: world)
            _ = try await owner.push(to: "main", message: "Run the tests", extra: [".github/pfbot.yml": "qc:\n  test_command: touch \(marker); exit 1\n"]) { _, _ in nil }
            try await world.settle()
            let (id, branch) = try await acceptedTask(world)
            let head = try await owner
                .push(to: branch, message: "Write the guide", extra: [try await folder(world, id) + "/GUIDE.md": Self.guide], edit: SandboxContributor.completeTemplates)
            try await world.settle()
            let run = try #require(await world.github.emulator.checkRuns(owner: "acme", repo: "tasks").last { $0.run["head_sha"]?.stringValue == head })
            #expect((run.run["output"]?["summary"]?.stringValue ?? "").contains("| tests | ✅ pass | `touch \(marker); exit 1` runs in GitHub Actions (pfbot action), not on the pfbot server |"))
            #expect(!FileManager.default.fileExists(atPath: marker))
        }
    }
}

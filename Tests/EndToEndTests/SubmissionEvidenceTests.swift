import Foundation
import GitHub
import PFBotCore
import PFBotTestSupport
import Pipeline
import Sandbox
import SandboxWorld
import Storage
import Testing

extension ActionModeEventTests {
    /// What goes to Post Fiat is the contributor's SUBMISSION.md and the merged work as `url` items, the only kind the
    /// Task Node's reviewer checks; the QC check and `pfbot submit --dry-run` show it before the merge.
    @Test func mergedWork_goesAsSubmissionTextAndURLItems_shownBeforeTheMerge() async throws {
        try await withSandboxWorld(prefix: "pfbot-evidence", collaborators: [Self.maintainer: "admin"]) { world, directory in
            let (id, branch, pull) = try await acceptedTask(world)
            let person = SandboxContributor(login: Self.maintainer, world: world)
            let folder = try await folder(world, id)
            let submission = "# Submission\n\nThe guide explains installation in `tasks/` and was checked on a clean machine.\n"
            _ = try await person.push(to: branch, message: "Write the guide",
                                      extra: [folder + "/GUIDE.md": Self.guide, folder + "/SUBMISSION.md": submission],
                                      edit: SandboxContributor.completeTemplates)
            let synchronize = try #require(try await world.takeDeliveries().last { $0.event == "pull_request" })
            let qc = try await runAction(world, directory, event: "pull_request", body: synchronize.body, run: 1)
            #expect(qc.status == 0, "\(qc.standardError.suffix(3000))")
            let web = try #require(try await world.context.github.repository(world.repository).htmlUrl)
            let pullURL = "\(web)/pull/\(pull)"

            // Before the merge: the check's summary shows the evidence, and `pfbot submit --dry-run` prints the same.
            let check = try #require(await world.github.emulator.checkRuns(owner: "acme", repo: "tasks").last?.run)
            let summary = try #require(check["output"]?["summary"]?.stringValue)
            let shown = try #require(summary.range(of: "### What will be submitted").map { String(summary[$0.lowerBound...]) })
            #expect(shown.contains(pullURL))
            #expect(shown.contains("was checked on a clean machine"))
            let dryRun = try await CommandRunner().runAsync(["submit", "--branch", branch, "--dry-run"], in: directory.path,
                                                            environment: cliEnvironment(world, dataDirectory: directory.file("action-data-pull_request-1")))
            #expect(dryRun.status == 0, "\(dryRun.standardOutput)\n\(dryRun.standardError.suffix(3000))")
            #expect(dryRun.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines) == shown.trimmingCharacters(in: .whitespacesAndNewlines))
            #expect(await world.acceptedSubmissions() == 0)

            // The merge: the Task Node receives exactly the pull request and the merge commit as url items.
            try await person.review(pull, approve: true)
            _ = try await world.takeDeliveries()
            let merge = try #require(try await person.merge(pull))
            let merged = try #require(try await world.takeDeliveries().last {
                $0.event == "pull_request" && String(decoding: $0.body, as: UTF8.self).contains("\"merged\":true")
            })
            let submit = try await runAction(world, directory, event: "pull_request", body: merged.body, run: 2)
            #expect(submit.status == 0, "\(submit.standardError.suffix(3000))")
            let sent = try #require(await world.taskNode.recorded.last { $0.request.path == "/api/tasks/submission" && $0.status == 200 })
            let body = try #require(try JSONSerialization.jsonObject(with: sent.request.body) as? [String: Any])
            let payload = try #require(body["offchainPayload"] as? [String: Any])
            let items = try #require(payload["evidence_items"] as? [[String: Any]])
            #expect(items.count == 2)
            #expect(items.map { $0["artifact_type"] as? String } == ["url", "url"])
            #expect(items[0]["value"] as? String == pullURL)
            #expect(items[0]["notes"] as? String == submission.trimmingCharacters(in: .whitespacesAndNewlines))
            #expect(items[1]["value"] as? String == "\(web)/commit/\(merge)")
            #expect(payload["artifact_type"] as? String == "mixed")
        }
    }

    /// `pfbot submit --branch B` submits the head as `/pf submit` does: once QC passed on it, with the head's URL.
    @Test func submitCommand_submitsTheBranchHead() async throws {
        try await withSandboxWorld(prefix: "pfbot-submit-cli", collaborators: [Self.maintainer: "admin"]) { world, directory in
            let (id, branch, pull) = try await acceptedTask(world)
            let person = SandboxContributor(login: Self.maintainer, world: world)
            let head = try await person.push(to: branch, message: "Write the guide", extra: [try await folder(world, id) + "/GUIDE.md": Self.guide],
                                             edit: SandboxContributor.completeTemplates)
            let synchronize = try #require(try await world.takeDeliveries().last { $0.event == "pull_request" })
            #expect(try await runAction(world, directory, event: "pull_request", body: synchronize.body, run: 1).status == 0)
            let environment = cliEnvironment(world, dataDirectory: directory.file("action-data-pull_request-1"))
            let missing = try await CommandRunner().runAsync(["submit", "--branch", "pf/no-such-branch"], in: directory.path, environment: environment)
            #expect(missing.status != 0)
            #expect(missing.standardError.contains("no task uses branch pf/no-such-branch"))
            let result = try await CommandRunner().runAsync(["submit", "--branch", branch], in: directory.path, environment: environment)
            #expect(result.status == 0, "\(result.standardOutput)\n\(result.standardError.suffix(3000))")
            #expect(await world.taskNode.task(id)?.statusKey == "submitted")
            #expect(await world.acceptedSubmissions() == 1)
            let web = try #require(try await world.context.github.repository(world.repository).htmlUrl)
            let sent = try #require(await world.taskNode.recorded.last { $0.request.path == "/api/tasks/submission" && $0.status == 200 })
            let text = String(decoding: sent.request.body, as: UTF8.self)
            #expect(text.contains("\(web)/pull/\(pull)".replacingOccurrences(of: "/", with: "\\/")) || text.contains("\(web)/pull/\(pull)"))
            #expect(text.contains("\(web)/commit/\(head)".replacingOccurrences(of: "/", with: "\\/")) || text.contains("\(web)/commit/\(head)"))
        }
    }

    /// The environment of a `pfbot` command run by hand on the store an Actions run left.
    func cliEnvironment(_ world: SandboxWorld, dataDirectory: String) -> [String: String] {
        ["GITHUB_TOKEN": SandboxWorld.actionsToken, "PFBOT_GITHUB_REPOSITORY": "acme/tasks", "PFBOT_GITHUB_API_URL": world.github.apiURL,
         "PFBOT_GITHUB_WRITE_SPACING_MS": "0", "PFBOT_TASKNODE_URL": world.taskNodeURL, "PFBOT_WALLET_SEED": SandboxWorld.walletSeed,
         "PFBOT_DATA_DIR": dataDirectory]
    }

    /// A task that asks for text sends SUBMISSION.md's text and the pull request as a url item.
    @Test func textTask_sendsTheSubmissionText_andThePullRequestURL() throws {
        let text = "The answer, in three sentences. It is long enough. It is here."
        let evidence = SubmissionEvidence(requirement: .text, text: "\n" + text + "\n", pullNumber: 7,
                                          pullURL: "https://github.com/acme/tasks/pull/7", commitURL: "https://github.com/acme/tasks/commit/abc")
        let items = try evidence.items()
        #expect(items.map(\.type) == [.text, .url])
        #expect(items[0].value == text)
        #expect(items[1].value == "https://github.com/acme/tasks/pull/7")
        #expect(items[1].notes == "Pull request #7, merged as https://github.com/acme/tasks/commit/abc")
        #expect(throws: (any Error).self) { try SubmissionEvidence(requirement: .text, text: text, pullNumber: 7, pullURL: "u", commitURL: nil).items() }
    }
}

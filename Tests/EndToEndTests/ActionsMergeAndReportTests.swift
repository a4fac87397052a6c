import Foundation
import GitHub
import PFBotCore
import PFBotTestSupport
import Pipeline
import SandboxWorld
import Storage
import Testing

/// A code task whose pushes run in GitHub Actions (`pfbot action` as separate processes, each from an empty store)
/// while the server handles the rest: the QC report stays one comment on the pull request across runs, and a review
/// the server handles after the merge judges the pull request's changes, not the empty diff of a merged head.
@Suite(.serialized) struct ActionsMergeAndReportTests {
    static let maintainer = "octocat"
    static let makefile = "test:\n\t@for t in tests/test_*.sh; do sh \"$$t\" || exit 1; done\n"

    @Test func actionsRuns_keepOneReportComment_andAReviewHandledAfterTheMerge_letsTheWorkBeSubmitted() async throws {
        try await withSandboxWorld(prefix: "pfbot-actions-merge") { world, directory in
            let person = SandboxContributor(login: Self.maintainer, world: world)
            try await person.push(to: "main", message: "Build with make", extra: ["Makefile": Self.makefile]) { _, _ in nil }
            try await world.settle()
            let id = try TaskID(await world.propose(title: "Implement the retry helper", description: "Implement the retry function in the shell client.", pft: 300))
            try await world.sync()
            let issue = try #require(try await world.store.task(id)?.issueNumber)
            try await person.comment(on: issue, "/pf accept")
            try await world.settle()
            let record = try #require(try await world.store.task(id))
            let (branch, pull) = (try #require(record.branch), try #require(record.pullNumber))
            let runner = ActionsRunner(world: world, pfbot: URL(fileURLWithPath: try CommandRunner().executable),
                                       directory: URL(fileURLWithPath: directory.file("actions")))

            try await person.push(to: branch, message: "Notes", edit: SandboxContributor.completeTemplates)
            let first = try #require(try await world.takeDeliveries().last { $0.event == "push" })
            #expect(try await runner.run(event: "push", body: Data(first.body)).status == 0)
            let head = try await person.push(to: branch, message: "Implement") { path, text in
                path.hasPrefix("src/") && path.hasSuffix(".sh") ? text.replacingOccurrences(of: "return 1", with: "return 0") : nil
            }
            let second = try #require(try await world.takeDeliveries().last { $0.event == "push" })
            let run = try await runner.run(event: "push", body: Data(second.body))
            #expect(run.status == 0, "\(run.log.suffix(3000))")

            let reports = try await world.context.github.listComments(world.repository, issue: pull)
                .filter { ($0.body ?? "").contains("<!-- pfbot:event=qc-report:\(id.rawValue) -->") }
            #expect(reports.count == 1, "\(reports.map(\.id))")
            #expect(reports.first?.body?.contains("All 8 QC rules passed") == true, "\(reports.first?.body ?? "")")
            let check = try #require(await world.github.emulator.checkRuns(owner: "acme", repo: "tasks").last { $0.run["head_sha"]?.stringValue == head })
            #expect(check.run["conclusion"]?.stringValue == "success")

            // The review reaches the server only after the merge: QC of the head then still sees the branch's files.
            try await person.review(pull, approve: true)
            try await person.merge(pull)
            try await world.settle()
            let verdict = try #require(try await world.store.qualityVerdict(task: id, head: head))
            #expect(verdict.conclusion == "success", "\(verdict)")
            #expect(try await world.store.task(id)?.task.state == .submitted)
            let issueComments = try await world.context.github.listComments(world.repository, issue: issue).compactMap(\.body)
            #expect(!issueComments.contains { $0.contains("Not submitted") }, "\(issueComments)")
        }
    }
}

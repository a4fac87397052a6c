import Foundation
import GitHub
import PFBotCore
import PFBotTestSupport
import Sandbox
import SandboxWorld
import Testing

/// The issue's review flags and next step follow the task: a change request shows as `pf:changes-requested` until
/// an approval clears it; a rejection shows as `pf:rejected`; the body says what to do next.
@Suite(.serialized) struct IssueFlagsTests {
    @Test func approval_clearsTheChangeRequest_andARejectionIsFlagged() async throws {
        try await withSandboxWorld(prefix: "pfbot-flags", collaborators: ["octocat": "admin"]) { world, _ in
            let maintainer = SandboxContributor(login: "octocat", world: world)
            let id = await world.propose(title: "Write the onboarding guide", description: "- Explain installation", pft: 80)
            try await world.sync()
            let issue = try #require(try await world.store.task(try TaskID(id))?.issueNumber)
            #expect(try await body(world, issue).contains("**Next:** reply `/pf accept`"))
            try await maintainer.comment(on: issue, "/pf accept")
            try await world.settle()
            let record = try #require(try await world.store.task(try TaskID(id)))
            let pull = try #require(record.pullNumber)
            try await maintainer.push(to: try #require(record.branch), message: "Finish", edit: SandboxContributor.completeTemplates)
            try await world.settle()
            #expect(try await body(world, issue).contains("**Next:** review and merge pull request #\(pull)"))

            try await maintainer.review(pull, approve: false)
            try await world.settle()
            #expect(try await labels(world, issue).contains("pf:changes-requested"))
            try await maintainer.review(pull, approve: true)
            try await world.settle()
            #expect(!(try await labels(world, issue).contains("pf:changes-requested")))

            try await maintainer.merge(pull)
            try await world.settle()
            try await world.taskNode.requestVerification(taskID: id, ask: "Where is the guide?")
            try await world.sync()
            #expect(try await body(world, issue).contains("**Next:** answer the reviewer's question with `/pf verify"))
            try await maintainer.comment(on: issue, "/pf verify In the merged pull request.")
            try await world.settle()
            try await world.taskNode.decideReward(taskID: id, decision: "reject", pft: 0)
            try await world.sync()
            let closed = try await world.context.github.issue(world.repository, number: issue, options: ReadOptions())
            #expect(closed.labels.map(\.name).contains("pf:rejected"))
            #expect(!closed.isOpen)
            #expect(!(closed.body ?? "").contains("**Next:**"))
        }
    }

    private func labels(_ world: SandboxWorld, _ issue: Int) async throws -> [String] {
        try await world.context.github.issue(world.repository, number: issue, options: ReadOptions()).labels.map(\.name)
    }

    private func body(_ world: SandboxWorld, _ issue: Int) async throws -> String {
        try await world.context.github.issue(world.repository, number: issue, options: ReadOptions()).body ?? ""
    }
}

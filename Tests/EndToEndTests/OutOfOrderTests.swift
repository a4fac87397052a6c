import Foundation
import PFBotCore
import PFBotTestSupport
import Pipeline
import Sandbox
import SandboxWorld
import Storage
import Testing

@Suite(.serialized) struct OutOfOrderTests {
    /// A `synchronize` for an older head delivered after the merge changes nothing; `/pf cancel` ends another task.
    @Test func staleSynchronizeAfterMerge_isHarmless_andCancelClosesTheIssue() async throws {
        try await withSandboxWorld(prefix: "pfbot-order") { world, _ in
            let maintainer = SandboxContributor(login: "octocat", world: world)
            let kept = await world.propose(title: "Write the onboarding guide", description: "- Explain installation", pft: 80)
            let dropped = await world.propose(title: "Document the CLI", description: "- Explain every command", pft: 40)
            try await world.sync()
            let keptIssue = try #require(try await world.store.task(try TaskID(kept))?.issueNumber)
            let droppedIssue = try #require(try await world.store.task(try TaskID(dropped))?.issueNumber)
            try await maintainer.comment(on: keptIssue, "/pf accept")
            try await maintainer.comment(on: droppedIssue, "/pf accept")
            try await world.settle()

            let record = try #require(try await world.store.task(try TaskID(kept)))
            try await maintainer.push(to: try #require(record.branch), message: "Finish", edit: SandboxContributor.completeTemplates)
            try await world.settle()
            let synchronize = try #require(await world.github.emulator.deliveries().last { $0.event == "pull_request" && $0.action == "synchronize" })
            try await maintainer.merge(try #require(record.pullNumber))
            try await world.settle()
            #expect(try await world.store.task(try TaskID(kept))?.task.state == .submitted)
            let checksBefore = await world.github.emulator.checkRuns(owner: "acme", repo: "tasks").count

            // The old synchronize arrives late, with a delivery id pfbot has not seen.
            _ = try await world.store.recordDelivery(Delivery(id: "late-\(UUID().uuidString)", event: "pull_request", action: "synchronize",
                                                              body: [UInt8](synchronize.body), receivedAt: Date()))
            try await world.settle()
            #expect(try await world.store.task(try TaskID(kept))?.task.state == .submitted)
            #expect(await world.github.emulator.checkRuns(owner: "acme", repo: "tasks").count == checksBefore)
            #expect(try await world.store.jobCounts()[.dead] == 0)

            try await maintainer.comment(on: droppedIssue, "/pf cancel Out of time")
            try await world.settle()
            #expect(await world.taskNode.task(dropped)?.statusKey == "cancelled")
            #expect(try await world.store.task(try TaskID(dropped))?.task.state == .cancelled)
            #expect(await world.github.emulator.issue(owner: "acme", repo: "tasks", number: droppedIssue)?["state"]?.stringValue == "closed")
        }
    }
}

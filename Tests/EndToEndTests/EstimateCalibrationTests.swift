import Foundation
import GitHub
import PFBotCore
import PFBotTestSupport
import Sandbox
import SandboxWorld
import Storage
import Testing

/// The effort estimate learns from the contributor's finished tasks: after two docs tasks are submitted (each took
/// minutes, not the hours estimated), an open docs task's issue shows the calibrated estimate with its reason.
extension ActionModeEventTests {
    @Test func theEstimate_movesAfterFinishedTasks_andTheIssueShowsWhy() async throws {
        try await withSandboxWorld(prefix: "pfbot-calibration", collaborators: [Self.maintainer: "admin"]) { world, _ in
            let open = await world.propose(title: "Write the operations guide", description: "- Explain backups\n- Explain upgrades", pft: 200)
            try await world.sync()
            let openIssue = try #require(try await world.store.task(try TaskID(open))?.issueNumber)
            func body() async throws -> String { try await world.context.github.issue(world.repository, number: openIssue, options: .standard).body ?? "" }
            let before = try await body()
            #expect(!before.contains("finished docs task"), "\(before)")
            let estimateBefore = try #require(try await world.store.analysis(task: try TaskID(open))?.estimatedHours)

            let owner = SandboxContributor(login: Self.maintainer, world: world)
            for _ in 0..<2 {
                let (id, branch, pull) = try await acceptedTask(world)
                _ = try await owner.push(to: branch, message: "Write the guide", extra: [try await folder(world, id) + "/GUIDE.md": Self.guide],
                                         edit: SandboxContributor.completeTemplates)
                try await world.settle()
                try await owner.merge(pull)
                try await world.settle()
                #expect(await world.taskNode.task(id)?.statusKey == "submitted")
            }
            try await world.sync()
            let after = try await body()
            #expect(after.contains("×0.25 from your 2 finished docs task(s)"), "\(after)")
            let estimateAfter = try #require(try await world.store.analysis(task: try TaskID(open))?.estimatedHours)
            #expect(estimateAfter < estimateBefore)
        }
    }
}

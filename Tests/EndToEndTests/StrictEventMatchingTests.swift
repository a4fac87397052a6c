import Foundation
import GitHub
import PFBotCore
import PFBotTestSupport
import Sandbox
import SandboxWorld
import Storage
import Testing

extension ActionModeEventTests {
    /// A pull request from a fork whose branch carries a task branch's name, and a delivery for another repository,
    /// change nothing: they are recorded and no work is done for them; the genuine delivery runs QC.
    @Test func forkBranchesAndOtherRepositories_neverMatchATask() async throws {
        try await withSandboxWorld(prefix: "pfbot-strict", collaborators: [Self.maintainer: "admin"]) { world, _ in
            let (id, branch, pull) = try await acceptedTask(world)
            let person = SandboxContributor(login: Self.maintainer, world: world)
            let head = try await person.push(to: branch, message: "Write the guide", extra: [try await folder(world, id) + "/GUIDE.md": Self.guide],
                                             edit: SandboxContributor.completeTemplates)
            let synchronize = try #require(try await world.takeDeliveries().last { $0.event == "pull_request" })
            func runs() async -> Int { await world.github.emulator.checkRuns(owner: "acme", repo: "tasks").filter { $0.run["head_sha"]?.stringValue == head }.count }
            func deliver(_ object: [String: Any]) async throws {
                let body = [UInt8](try JSONSerialization.data(withJSONObject: object))
                #expect(try await world.store.recordDelivery(Delivery(id: UUID().uuidString, event: "pull_request", action: "synchronize", body: body, receivedAt: Date())))
                try await world.settle()
            }

            var fork = try #require(try JSONSerialization.jsonObject(with: Data(synchronize.body)) as? [String: Any])
            var pullRequest = try #require(fork["pull_request"] as? [String: Any])
            var forkHead = try #require(pullRequest["head"] as? [String: Any])
            var headRepository = try #require(forkHead["repo"] as? [String: Any])
            headRepository["full_name"] = "mallory/tasks"
            forkHead["repo"] = headRepository
            pullRequest["head"] = forkHead
            pullRequest["number"] = pull + 100
            fork["pull_request"] = pullRequest
            fork["number"] = pull + 100
            try await deliver(fork)
            #expect(await runs() == 0)

            var other = try #require(try JSONSerialization.jsonObject(with: Data(synchronize.body)) as? [String: Any])
            var repository = try #require(other["repository"] as? [String: Any])
            repository["full_name"] = "acme/other"
            other["repository"] = repository
            try await deliver(other)
            #expect(await runs() == 0)
            #expect(try await world.store.auditLog(limit: 50).contains { $0.action == "webhook.other-repository" })

            try await deliver(try #require(try JSONSerialization.jsonObject(with: Data(synchronize.body)) as? [String: Any]))
            #expect(await runs() == 1)
        }
    }

    /// With `require_approval`, a change request on an older commit does not hide an approval of the head, and a
    /// review by someone who is not a collaborator counts for nothing.
    @Test func onlyCollaboratorsReviewsOfTheHead_decideTheSubmission() async throws {
        try await withSandboxWorld(prefix: "pfbot-review-head", collaborators: [Self.maintainer: "admin", "hubot": "write"]) { world, directory in
            let (id, branch, pull) = try await acceptedTask(world)
            let person = SandboxContributor(login: Self.maintainer, world: world)
            let reviewer = SandboxContributor(login: "hubot", world: world)
            let stranger = SandboxContributor(login: "mallory", world: world)
            _ = try await person.push(to: branch, message: "Draft", extra: [try await folder(world, id) + "/GUIDE.md": "# Guide\n"]) { _, _ in nil }
            try await reviewer.review(pull, approve: false)
            _ = try await person.push(to: branch, message: "Write the guide", extra: [try await folder(world, id) + "/GUIDE.md": Self.guide],
                                      edit: SandboxContributor.completeTemplates)
            try await person.review(pull, approve: true)
            try await stranger.review(pull, approve: false)
            try await person.merge(pull)
            let deliveries = try await world.takeDeliveries()
            let merged = try #require(deliveries.last { $0.event == "pull_request" && String(decoding: $0.body, as: UTF8.self).contains("\"merged\":true") })
            var environment = ["PFBOT_REPOSITORY_REQUIRE_APPROVAL": "true"]
            for (index, delivery) in deliveries.enumerated() where delivery.event == "pull_request_review" {
                let result = try await runAction(world, directory, event: "pull_request_review", body: delivery.body, run: 10 + index, extra: environment)
                #expect(result.status == 0, "\(result.standardError.suffix(3000))")
            }
            environment["PFBOT_DATA_DIR"] = directory.file("merge-run")
            let submit = try await runAction(world, directory, event: "pull_request", body: merged.body, run: 1, extra: environment)
            #expect(submit.status == 0, "\(submit.standardOutput)\n\(submit.standardError.suffix(3000))")
            #expect(await world.taskNode.task(id)?.statusKey == "submitted")
        }
    }
}

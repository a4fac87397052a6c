import Foundation
import GitHub
import PFBotCore
import PFBotTestSupport
import Sandbox
import SandboxWorld
import Storage
import Testing

/// `/pf` commands as people write them, delivered as GitHub signs and sends them (and sends them again): they work on
/// the task's pull request as on its issue, take effect once, are bound to the head the commenter saw, are bounded per
/// comment, and only lines GitHub shows as text count.
extension ActionModeEventTests {
    /// The comments on an issue or pull request.
    func comments(_ world: SandboxWorld, _ number: Int) async throws -> [String] {
        try await world.context.github.listComments(world.repository, issue: number).compactMap(\.body)
    }

    @Test func commandsOnTheTaskPullRequest_workAsOnItsIssue() async throws {
        try await withSandboxWorld(prefix: "pfbot-pr-commands", collaborators: [Self.maintainer: "admin"]) { world, _ in
            let (id, _, pull) = try await acceptedTask(world)
            try await SandboxContributor(login: Self.maintainer, world: world).comment(on: pull, "/pf priority 5\n/pf status")
            try await world.settle()
            let reply = try #require(try await comments(world, pull).last)
            #expect(reply.contains("Priority set to 5."), "\(reply)")
            #expect(!reply.contains("not a pfbot task"), "\(reply)")
            #expect(try await world.store.task(try TaskID(id))?.manualPriority?.value == 5)
        }
    }

    @Test func aCommentsCommands_takeEffectOnce_whateverTheDeliveriesAndRuns() async throws {
        try await withSandboxWorld(prefix: "pfbot-replay", collaborators: [Self.maintainer: "admin"]) { world, directory in
            let (_, _, _) = try await acceptedTask(world)
            let issue = try #require(try await world.store.tasks(in: nil).first?.issueNumber)
            try await SandboxContributor(login: Self.maintainer, world: world).comment(on: issue, "/pf request Write a guide to the CLI")
            let delivery = try #require(try await world.takeDeliveries().last { $0.event == "issue_comment" })
            func requestSubmits() async -> [String] {
                await world.taskNode.recorded.compactMap { exchange in
                    let body = String(decoding: exchange.request.body, as: UTF8.self)
                    guard exchange.request.path == "/api/tasks/request", body.contains("\"phase\":\"submit\"") else { return nil }
                    return body
                }
            }
            // The same comment three times under new delivery ids (GitHub's redelivery), then in an Actions run with
            // a store of its own.
            for _ in 0..<3 {
                #expect(try await world.store.recordDelivery(Delivery(id: UUID().uuidString, event: "issue_comment", action: "created",
                                                                      body: delivery.body, receivedAt: Date())))
                try await world.settle()
            }
            let run = try await runAction(world, directory, event: "issue_comment", body: delivery.body, run: 1)
            #expect(run.status == 0, "\(run.standardError.suffix(3000))")
            #expect(await requestSubmits().count == 1)
            let replies = try await comments(world, issue).filter { $0.contains("Requested a new task from the Task Node") }
            #expect(replies.count == 1)
        }
    }

    @Test func mutatingCommands_areBoundToTheHeadTheCommenterSaw() async throws {
        try await withSandboxWorld(prefix: "pfbot-head-binding", collaborators: [Self.maintainer: "admin"]) { world, _ in
            let (id, branch, pull) = try await acceptedTask(world)
            let person = SandboxContributor(login: Self.maintainer, world: world)
            try await person.comment(on: pull, "/pf priority 5\n/pf status")
            let comment = try #require(try await world.takeDeliveries().last { $0.event == "issue_comment" })
            // GitHub's clock has one-second steps: the push comes a full second after the comment.
            try await Task.sleep(for: .milliseconds(1100))
            let head = try await person.push(to: branch, message: "More work", extra: [try await folder(world, id) + "/NOTES.md": "# Notes\n"]) { _, _ in nil }
            try await world.settle()
            #expect(try await world.store.recordDelivery(Delivery(id: UUID().uuidString, event: "issue_comment", action: "created",
                                                                  body: comment.body, receivedAt: Date())))
            try await world.settle()
            let refused = try #require(try await comments(world, pull).last)
            #expect(refused.contains("`/pf priority` was not run: the pull request's head moved to `\(head.prefix(7))` after this comment was written"), "\(refused)")
            #expect(refused.contains("post the command again"), "\(refused)")
            #expect(!refused.contains("`/pf status` was not run"), "status changes nothing, so it is not bound: \(refused)")
            #expect(try await world.store.task(try TaskID(id))?.manualPriority == nil)

            try await person.comment(on: pull, "/pf priority 5")
            try await world.settle()
            #expect(try await comments(world, pull).last?.contains("Priority set to 5.") == true)
        }
    }

    @Test func aCommentRunsAtMostTenCommands_andOnlyLinesShownAsText() async throws {
        try await withSandboxWorld(prefix: "pfbot-command-lines", collaborators: [Self.maintainer: "admin"]) { world, _ in
            let (_, _, pull) = try await acceptedTask(world)
            let issue = try #require(try await world.store.tasks(in: nil).first?.issueNumber)
            let person = SandboxContributor(login: Self.maintainer, world: world)
            try await person.comment(on: issue, Array(repeating: "/pf status", count: 12).joined(separator: "\n"))
            try await world.settle()
            let reply = try #require(try await comments(world, issue).last)
            #expect(reply.contains("2 more `/pf` lines were not run: one comment runs at most 10 commands"), "\(reply)")

            let before = try await comments(world, issue).count
            try await person.comment(on: issue, "> @octocat wrote:\n/pf cancel\n\n<!--\n/pf cancel\n-->\n```\n/pf cancel\n```")
            try await world.settle()
            #expect(try await comments(world, issue).count == before + 1, "no reply to a comment without a visible command")

            try await person.comment(on: pull, "/pf `x`@mallory<!--")
            try await world.settle()
            let echo = try #require(try await comments(world, pull).last)
            #expect(echo.contains("`…` is not a pfbot command"), "\(echo)")
            #expect(!echo.contains("mallory"), "\(echo)")
        }
    }
}

import Foundation
import GitHub
import PFBotCore
import PFBotTestSupport
import PostFiat
import SandboxWorld
import Storage
import Testing

/// The Task Node's answers as a user sees them (protocol §12): a status the Task Node itself does not know is a state
/// pfbot tracks and shows, and every Task Node write is in the audit log with the comment that caused it and the
/// Task Node's event id, as `pfbot report` prints it.
@Suite(.serialized) struct TaskNodeAnswersTests {
    @Test func unknownStatusKey_isTrackedOnTheIssue_commandsWait_andAKnownStateResumes() async throws {
        try await withSandboxWorld(prefix: "pfbot-unknown") { world, _ in
            let id = await world.propose(title: "Translate the guide", description: "- Translate it", pft: 40)
            let taskID = try TaskID(id)
            try await world.sync()
            let issue = try #require(try await world.store.task(taskID)?.issueNumber)

            try await world.taskNode.setProjectionStatus(taskID: id, status: "rerouted")
            let report = try await world.sync()
            #expect(report.problems.isEmpty, "statusKey unknown is a state, not an unreadable task")
            #expect(try await world.store.task(taskID)?.task.state == .unknown)
            #expect(try await labels(world, issue).contains("pf:unknown"))
            #expect(try await comments(world, issue).contains { $0.contains("The Task Node reports a state it does not know") })
            #expect(try await world.store.auditLog(limit: 20).contains { $0.action == "task.unknown-state" && $0.subject == id })

            _ = try await world.github.emulator.comment(as: "octocat", owner: "acme", repo: "tasks", issue: issue, body: "/pf accept")
            try await world.settle()
            #expect(try await comments(world, issue).contains { $0.contains("the task is `unknown`") })
            #expect(await world.taskNode.task(id)?.statusKey == "rerouted", "nothing was written to the Task Node")

            try await world.taskNode.setProjectionStatus(taskID: id, status: "proposed")
            try await world.sync()
            #expect(try await world.store.task(taskID)?.task.state == .proposed)
            #expect(try await labels(world, issue).contains("pf:proposed"))
        }
    }

    @Test func commandWrites_areAudited_fromTheCommentToTheTaskNodeEventIDs_andPfbotReportShowsThem() async throws {
        try await withSandboxWorld(prefix: "pfbot-audit") { world, _ in
            let id = await world.propose(title: "Record the podcast", description: "- Record it", pft: 60)
            try await world.sync()
            let issue = try #require(try await world.store.task(try TaskID(id))?.issueNumber)
            let commentID = try await world.github.emulator.comment(as: "octocat", owner: "acme", repo: "tasks", issue: issue,
                                                                    body: "/pf accept Sounds good")
            try await world.settle()

            let events = await world.taskNode.task(id)?.events ?? []
            let acceptEvent = try #require(events.last { $0["transition"]?.stringValue == "accepted" }?["event_id"]?.stringValue)
            let audit = try await world.store.auditLog(limit: 50)
            let command = try #require(audit.first { $0.action == "command.accept" })
            let write = try #require(audit.first { $0.action == "task.accept" })
            let cause = try #require(command.cause)
            #expect(cause.hasSuffix("#issuecomment-\(commentID)"))
            #expect(write.cause == cause, "the write is linked to the comment that asked for it")
            #expect(write.taskNodeEvent == acceptEvent)

            let result = try await CommandRunner().runAsync(["report"], in: world.directory.path,
                                                            environment: ["PFBOT_STORAGE_URL": "sqlite:" + world.directory.appendingPathComponent("pfbot.sqlite").path])
            #expect(result.status == 0, "\(result.standardError)")
            let line = try #require(result.standardOutput.split(separator: "\n").first { $0.contains("task.accept") })
            #expect(line.contains(acceptEvent))
            #expect(line.contains("issuecomment-\(commentID)"))
            let json = try await CommandRunner().runAsync(["report", "--format", "json"], in: world.directory.path,
                                                          environment: ["PFBOT_STORAGE_URL": "sqlite:" + world.directory.appendingPathComponent("pfbot.sqlite").path])
            #expect(json.standardOutput.contains("\"taskNodeEvent\" : \"\(acceptEvent)\""))
        }
    }

    private func comments(_ world: SandboxWorld, _ issue: Int) async throws -> [String] {
        try await world.context.github.listComments(world.repository, issue: issue).compactMap(\.body)
    }

    private func labels(_ world: SandboxWorld, _ issue: Int) async throws -> [String] {
        try await world.context.github.issue(world.repository, number: issue, options: ReadOptions()).labels.map(\.name)
    }
}

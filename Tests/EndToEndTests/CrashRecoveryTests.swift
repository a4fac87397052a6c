import Foundation
import PFBotCore
import PFBotTestSupport
import Pipeline
import PostFiat
import Sandbox
import SandboxWorld
import Storage
import Testing

/// Forwards to the real Task Node client, then fails as if the process died right after the Task Node accepted the
/// submission and before pfbot could record it.
struct CrashAfterSubmitSink: TaskSink {
    struct Crash: Error {}
    let real: any TaskSink

    func accept(_ id: TaskID, reason: String) async throws -> WriteReceipt { try await real.accept(id, reason: reason) }
    func refuse(_ id: TaskID, reason: String) async throws -> WriteReceipt { try await real.refuse(id, reason: reason) }
    func cancel(_ id: TaskID, reason: String) async throws -> WriteReceipt { try await real.cancel(id, reason: reason) }
    func submit(_ id: TaskID, evidence: [Evidence]) async throws -> WriteReceipt {
        _ = try await real.submit(id, evidence: evidence)
        throw Crash()
    }
    func respondToVerification(_ id: TaskID, evidence: [Evidence]) async throws -> WriteReceipt {
        try await real.respondToVerification(id, evidence: evidence)
    }
    func requestTask(kind: TaskKind, text: String, key: String?) async throws -> TaskRequestReceipt {
        try await real.requestTask(kind: kind, text: text, key: key)
    }
}

@Suite(.serialized) struct CrashRecoveryTests {
    @Test func crashBetweenSubmitAndRecord_restartStillSubmitsExactlyOnce() async throws {
        try await withSandboxWorld(prefix: "pfbot-crash", collaborators: ["octocat": "admin"]) { world, directory in
            let maintainer = SandboxContributor(login: "octocat", world: world)
            let id = await world.propose(title: "Write the onboarding guide", description: "- Explain installation", pft: 80)
            try await world.sync()
            let issue = try #require(try await world.store.task(try TaskID(id))?.issueNumber)
            try await maintainer.comment(on: issue, "/pf accept")
            try await world.settle()
            let record = try #require(try await world.store.task(try TaskID(id)))
            try await maintainer.push(to: try #require(record.branch), message: "Finish", edit: SandboxContributor.completeTemplates)
            try await world.settle()
            try await maintainer.merge(try #require(record.pullNumber))
            await world.github.emulator.flushWebhooks()

            // The process that handles the merge dies right after the Task Node accepted the submission.
            var crashing = world.context
            crashing.taskSink = CrashAfterSubmitSink(real: world.client)
            let dying = JobRunner(store: world.store, handlers: PipelineHandlers.all(crashing), workerName: "dying")
            _ = try await dying.drain()
            #expect(await world.taskNode.task(id)?.statusKey == "submitted")
            #expect(try await world.store.task(try TaskID(id))?.task.state != .submitted)

            // After the restart the retried job finds the submission already made and records it; nothing is sent twice.
            let later = Date().addingTimeInterval(60)
            let restarted = JobRunner(store: world.store, handlers: PipelineHandlers.all(world.context), workerName: "restarted", now: { later })
            #expect(try await restarted.drain() >= 1)
            #expect(try await world.store.task(try TaskID(id))?.task.state == .submitted)
            #expect(await world.acceptedSubmissions() == 1)
            let notes = try await world.context.github.listComments(world.repository, issue: issue).compactMap(\.body).filter { $0.contains("Submitted to Post Fiat") }
            #expect(notes.count == 1)
        }
    }
}

import Foundation
import PFBotCore
import PostFiat
import Sandbox
import Testing

/// The Task Node answers of protocol §12 that differ from a first reading of the protocol.
@Suite struct TaskNodeCorrectionsTests {
    @Test func statusKeyUnknown_isATrackedOutstandingState_notAnUnreadableTask() async throws {
        try await EmulatorHarness.with { harness in
            let id = await harness.propose(title: "Rerouted by an operator")
            try await harness.emulator.setProjectionStatus(taskID: id, status: "rerouted")
            let listing = try await harness.client.listTasks()
            #expect(listing.problems.isEmpty)
            let task = try #require(listing.tasks.first { $0.task.id.rawValue == id })
            #expect(task.task.state == .unknown)
            #expect(task.task.state.bucket == .outstanding)
            #expect(!task.task.state.isTerminal)
            #expect(listing.raw["outstanding"]?.arrayValue?.count == 1)
        }
    }

    @Test func requestItems_readEmptyStringsAsNone() throws {
        let raw = try LiteralJSON.parse(Data(#"{"requestId":"req_12345678","status":"queued","generatedTaskId":"","lastError":""}"#.utf8))
        let item = try #require(TaskDecoder.decodeRequest(raw))
        #expect(item.generatedTaskID == nil)
        #expect(item.lastError == nil)
        let done = try LiteralJSON.parse(Data(#"{"requestId":"req_12345678","status":"proposed","generatedTaskId":"task_x","lastError":""}"#.utf8))
        #expect(TaskDecoder.decodeRequest(done)?.generatedTaskID == "task_x")
    }

    @Test func theEmulatorSendsEmptyStrings_andTheClientSeesNoGeneratedTaskYet() async throws {
        try await EmulatorHarness.with { harness in
            let receipt = try await harness.client.requestTask(kind: .personal, text: "A docs task")
            let listing = try await harness.client.listTasks()
            let item = try #require(listing.requests.first { $0.requestID == receipt.requestID })
            #expect(item.raw["generatedTaskId"] == "")
            #expect(item.generatedTaskID == nil)
            #expect(item.lastError == nil)
        }
    }
    /// A keyed request's identifiers come from the wallet and the key: a repeat under the key (a retry, a redelivery, a
    /// restarted process with no pending-write file) is the same request, and nothing is left on disk for it.
    @Test func aKeyedRequest_isTheSameRequestOnEveryRepeat_andLeavesNoPendingWrite() async throws {
        try await EmulatorHarness.with { harness in
            let key = "octo/docs#comment-77:1"
            let first = try await harness.client.requestTask(kind: .personal, text: "A docs task", key: key)
            let again = try await harness.client.requestTask(kind: .personal, text: "A docs task", key: key)
            let other = try await harness.client.requestTask(kind: .personal, text: "A docs task", key: "octo/docs#comment-78:1")
            #expect(first.requestID == again.requestID)
            #expect(first.requestID != other.requestID)
            #expect(first.requestID.range(of: "^req_[0-9a-f]{40}$", options: .regularExpression) != nil)
            let pendingKey = "request|" + CanonicalJSON.sha256Hex("personal\u{0}A docs task")
            #expect(try harness.pending.pending(for: pendingKey) == nil)
            let listing = try await harness.client.listTasks()
            #expect(listing.requests.filter { $0.requestID == first.requestID }.count == 1)
            #expect(listing.requests.count == 2)
        }
    }
}

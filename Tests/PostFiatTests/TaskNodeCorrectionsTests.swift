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
}

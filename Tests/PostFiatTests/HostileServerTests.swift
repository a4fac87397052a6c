import Foundation
import PFBotCore
import PostFiat
import Sandbox
import Testing

@Suite struct HostileServerTests {
    @Test func badTasksInTheList_becomeProblems_goodTasksStillComeThrough() async throws {
        try await EmulatorHarness.with { harness in
            let good = await harness.propose(title: "Good")
            let unknown = await harness.propose(title: "Unknown state")
            let negative = await harness.propose(title: "Negative")
            let absurd = await harness.propose(title: "Absurd")
            let missing = await harness.propose(title: "Missing kind")
            let textual = await harness.propose(title: "Reward as text")
            try await harness.emulator.override(taskID: unknown, fields: ["statusKey": "teleported"])
            try await harness.emulator.override(taskID: negative, fields: ["pft": .number("-5")])
            try await harness.emulator.override(taskID: absurd, fields: ["pft": .number("1e300")])
            try await harness.emulator.override(taskID: missing, fields: ["kind": .null])
            try await harness.emulator.override(taskID: textual, fields: ["pft": "12.5"])
            let listing = try await harness.client.listTasks()
            #expect(Set(listing.tasks.map(\.task.id.rawValue)) == [good, textual])
            #expect(listing.tasks.first { $0.task.id.rawValue == textual }?.task.reward == (try PFTAmount(parsing: "12.5")))
            #expect(Set(listing.problems.compactMap(\.taskID)) == [unknown, negative, absurd, missing])
            let reasons = listing.problems.map(\.error.description).joined(separator: "\n")
            #expect(reasons.contains("unknown statusKey \"teleported\""))
            #expect(reasons.contains("negative"))
            #expect(reasons.contains("not an exact PFT amount"))
            #expect(reasons.contains("kind is missing"))
        }
    }

    @Test func htmlErrorPage_isNotJSONError() async throws {
        try await EmulatorHarness.with { harness in
            _ = try await harness.client.login()
            let page = EmulatorResponse(status: 404, headers: [("Content-Type", "text/html")], body: Data("<html><body>Not here</body></html>".utf8))
            await harness.emulator.injectFault(path: "/api/tasks", response: page)
            await #expect(throws: TaskNodeError.notJSON(status: 404, snippet: "<html><body>Not here</body></html>")) {
                _ = try await harness.client.listTasks()
            }
            #expect(harness.sleeper.recorded.isEmpty)
        }
    }

    @Test func truncatedJSON_isMalformedJSONAfterRetries() async throws {
        try await EmulatorHarness.with { harness in
            _ = try await harness.client.login()
            let cut = EmulatorResponse(status: 200, body: Data(#"{"outstanding":[{"taskId":"task_a","#.utf8))
            await harness.emulator.injectFault(path: "/api/tasks", response: cut, count: 4)
            await #expect(throws: TaskNodeError.malformedJSON(status: 200, reason: JSONParseError.truncated.description)) {
                _ = try await harness.client.listTasks()
            }
            #expect(harness.sleeper.recorded.count == 3)
        }
    }

    @Test func tenMegabyteBody_isCutOffAtTheCap() async throws {
        try await EmulatorHarness.with { harness in
            _ = try await harness.client.login()
            let huge = EmulatorResponse(status: 200, body: Data(repeating: UInt8(ascii: " "), count: 10 * 1024 * 1024))
            await harness.emulator.injectFault(path: "/api/tasks", response: huge)
            await #expect(throws: TaskNodeError.responseTooLarge(limit: 1024 * 1024)) { _ = try await harness.client.listTasks() }
        }
    }

    @Test func detailWithVerificationRequestWithoutAsk_isInvalidTask() async throws {
        try await EmulatorHarness.with { harness in
            let id = await harness.propose()
            _ = try await harness.client.login()
            var detail = try await harness.client.taskDetail(try TaskID(id)).raw
            detail = detail.setting("currentVerificationRequest", to: ["body": "no ask"])
            await harness.emulator.injectFault(path: "/api/tasks/detail", response: EmulatorResponse(status: 200, body: detail.encoded()))
            await #expect(throws: TaskNodeError.invalidTask(taskID: id, reason: "currentVerificationRequest has no ask")) {
                _ = try await harness.client.taskDetail(try TaskID(id))
            }
        }
    }

    @Test func loginChallengeThatIsNotALoginMessage_isNeverSigned() async throws {
        try await EmulatorHarness.with { harness in
            let trap: LiteralJSON = ["ok": true, "challenge": ["id": "c1", "message": "Post Fiat Task Node task transition\nPurpose: task_transition"]]
            await harness.emulator.injectFault(path: "/api/auth/wallet/start", response: EmulatorResponse(status: 200, body: trap.encoded()))
            await #expect(throws: TaskNodeError.self) { try await harness.client.login() }
            #expect(await harness.requests(to: "/api/auth/wallet/verify").isEmpty)
        }
    }
}

@Suite struct ProjectionLagTests {
    @Test func directWritesAreVisibleAtOnce_workerStatesFollowAfterTheConfiguredLag() async throws {
        var options = TaskNodeEmulatorOptions()
        options.reviewLagSeconds = 45
        options.rewardLagSeconds = 120
        options.extraVerificationRounds = 1
        try await EmulatorHarness.with(options: options) { harness in
            let id = try TaskID(await harness.propose(pft: 40))
            let client = harness.client
            _ = try await client.accept(id, reason: "ok")
            #expect(try await client.listTasks().tasks.first?.task.state == .accepted)
            _ = try await client.submit(id, evidence: [try Evidence.classify("https://example.org/a")])
            let submitted = try await client.listTasks()
            #expect(submitted.tasks.first?.task.state == .submitted)
            #expect(submitted.nextPollMilliseconds == 2500)

            harness.emulator.clock.advance(by: 44)
            #expect(try await client.taskDetail(id).task.task.state == .submitted)
            harness.emulator.clock.advance(by: 1)
            let asked = try await client.taskDetail(id)
            #expect(asked.task.verificationRequest?.ask == options.reviewAsk)
            #expect(try await client.listTasks().nextPollMilliseconds == 10000)

            _ = try await client.respondToVerification(id, evidence: [try Evidence.classify("first answer")])
            harness.emulator.clock.advance(by: 45)
            // §5: verification_response_submitted → verification_requested again (repeat request).
            #expect(try await client.taskDetail(id).task.task.state == .verificationRequested)
            _ = try await client.respondToVerification(id, evidence: [try Evidence.classify("second answer")])
            harness.emulator.clock.advance(by: 119)
            #expect(try await client.taskDetail(id).task.task.state == .verificationResponseSubmitted)
            harness.emulator.clock.advance(by: 1)
            let rewarded = try await client.taskDetail(id)
            #expect(rewarded.task.task.state == .rewarded)
            #expect(rewarded.task.task.reward == (try PFTAmount(parsing: "40")))
            #expect(try await client.listTasks().nextPollMilliseconds == nil)
        }
    }
}

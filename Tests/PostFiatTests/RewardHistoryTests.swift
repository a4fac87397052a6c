import Foundation
import PFBotCore
import PostFiat
import Sandbox
import Testing

@Suite struct RewardHistoryTests {
    @Test func theEmulatorsHistory_readsAsDaysWithExactAmounts() async throws {
        try await EmulatorHarness.with { harness in
            let id = try TaskID(await harness.propose(pft: 12.5))
            _ = try await harness.client.accept(id, reason: "ok")
            _ = try await harness.client.submit(id, evidence: [try Evidence(type: .url, value: "https://github.com/o/r/pull/1")])
            try await harness.emulator.requestVerification(taskID: id.rawValue, ask: "Where?")
            _ = try await harness.client.respondToVerification(id, evidence: [try Evidence(type: .text, value: "Here.")])
            try await harness.emulator.decideReward(taskID: id.rawValue, decision: "reward", pft: 12.5)
            let history = try await harness.client.rewardHistory()
            #expect(history.days.count == 90)
            #expect(history.days.last?.amount == (try PFTAmount(parsing: "12.5")))
            #expect(history.days.dropLast().allSatisfy { $0.amount == .zero })
            #expect(history.days.map(\.day) == history.days.map(\.day).sorted())
            let request = try #require(await harness.requests(to: "/api/profile/reward-history").last)
            #expect(request.request.query["range"] == "90d")
        }
    }

    @Test func anAnswerWithoutDays_isAnUnexpectedShape_namingWhatWasLookedFor() async throws {
        try await EmulatorHarness.with { harness in
            _ = try await harness.client.login()
            let odd = EmulatorResponse(status: 200, body: Data(#"{"ok":true,"totals":{}}"#.utf8))
            await harness.emulator.injectFault(path: "/api/profile/reward-history", response: odd)
            await #expect(throws: TaskNodeError.unexpectedShape("the reward history has no list of days (looked for days, history, items, series, rewards)")) {
                _ = try await harness.client.rewardHistory()
            }
        }
    }
}

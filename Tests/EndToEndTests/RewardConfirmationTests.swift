import AsyncHTTPClient
import Foundation
import GitHub
import NIOCore
import PFBotCore
import PFBotTestSupport
import PostFiat
import SandboxWorld
import Storage
import Testing

/// Rewards confirmed on the ledger (issue #13 item 7): the Task Node reports a reward with its payment hash, pfbot
/// checks the payment through JSON-RPC on the ledger emulator and says so on the issue; the Task Node's daily reward
/// totals are shown next to pfbot's own by `pfbot report`.
@Suite(.serialized) struct RewardConfirmationTests {
    @Test func paidReward_isPendingUntilValidated_thenConfirmedInLedgerN_andLabelledRewarded() async throws {
        try await withSandboxWorld(prefix: "pfbot-reward") { world, _ in
            let id = try await rewardableTask(world, title: "Write the FAQ", pft: 120)
            let hash = try #require(try await world.decideReward(taskID: id, decision: "reward", pft: 120, validate: false))
            try await world.sync()
            let issue = try #require(try await world.store.task(try TaskID(id))?.issueNumber)
            #expect(try await comments(world, issue).contains { $0.contains("Rewarded **120 PFT**") })
            #expect(try await labels(world, issue).contains("pf:reward-pending"))
            #expect(!(try await labels(world, issue).contains("pf:rewarded")))
            #expect(try await world.store.rewardPayment(task: try TaskID(id))?.status == .pending)

            let validated = await world.ledger.closeLedger() - 1
            try await world.sync()
            #expect(try await comments(world, issue).contains {
                $0.contains("Reward confirmed in ledger \(validated)") && $0.contains(hash) && $0.contains("120 PFT")
            })
            #expect(try await labels(world, issue).contains("pf:rewarded"))
            #expect(!(try await labels(world, issue).contains("pf:reward-pending")))
            let payment = try #require(try await world.store.rewardPayment(task: try TaskID(id)))
            #expect(payment.status == .confirmed)
            #expect(payment.ledgerIndex == Int64(validated))
            #expect(try await world.store.auditLog(limit: 50).contains { $0.action == "reward.confirmed" && $0.taskNodeEvent == hash })
            try await world.sync()
            #expect(try await comments(world, issue).filter { $0.contains("Reward confirmed") }.count == 1)
        }
    }

    @Test func paymentThatNeverValidates_isSaidOnTheIssue_afterTheConfiguredTime_once() async throws {
        try await withSandboxWorld(prefix: "pfbot-reward-late", configure: { $0.ledger.rewardConfirmationSeconds = 0 }) { world, _ in
            let id = try await rewardableTask(world, title: "Draw the diagram", pft: 80)
            let hash = try #require(try await world.decideReward(taskID: id, decision: "reward", pft: 80, validate: false))
            try await world.sync()
            try await world.sync()
            let issue = try #require(try await world.store.task(try TaskID(id))?.issueNumber)
            let warnings = try await comments(world, issue).filter { $0.contains("is not confirmed on the ledger") }
            #expect(warnings.count == 1)
            #expect(warnings.first?.contains(hash) == true)
            #expect(try await labels(world, issue).contains("pf:reward-pending"))
            #expect(try await world.store.rewardPayment(task: try TaskID(id))?.status == .pending)
            #expect(try await world.store.auditLog(limit: 50).filter { $0.action == "reward.unconfirmed" }.count == 1)
        }
    }

    @Test func paymentOfTheWrongAmount_isAMismatch_notAConfirmation() async throws {
        try await withSandboxWorld(prefix: "pfbot-reward-wrong") { world, _ in
            let id = try await rewardableTask(world, title: "Fix the typo", pft: 30)
            try await world.taskNode.decideReward(taskID: id, decision: "reward", pft: 30)
            let hash = try await world.pay(drops: 3_000_000, to: world.wallet.address)
            try await world.taskNode.recordRewardPayment(taskID: id, hash: hash)
            await world.ledger.closeLedger()
            try await world.sync()
            let issue = try #require(try await world.store.task(try TaskID(id))?.issueNumber)
            #expect(try await comments(world, issue).contains { $0.contains("does not match the reward") && $0.contains("3 PFT") })
            #expect(try await labels(world, issue).contains("pf:reward-mismatch"))
            #expect(try await world.store.rewardPayment(task: try TaskID(id))?.status == .mismatch)
        }
    }

    /// The reward worker's payment names the task in its pointer memo (protocol §5); a payment of the right amount to the
    /// wallet without that memo is not this task's reward.
    @Test func paymentWithoutTheTasksRewardMemo_isAMismatch() async throws {
        try await withSandboxWorld(prefix: "pfbot-reward-memo") { world, _ in
            let id = try await rewardableTask(world, title: "Write the intro", pft: 12)
            try await world.taskNode.decideReward(taskID: id, decision: "reward", pft: 12)
            let hash = try await world.pay(drops: 12_000_000, to: world.wallet.address)
            try await world.taskNode.recordRewardPayment(taskID: id, hash: hash)
            await world.ledger.closeLedger()
            try await world.sync()
            let issue = try #require(try await world.store.task(try TaskID(id))?.issueNumber)
            #expect(try await comments(world, issue).contains { $0.contains("carries no Post Fiat reward memo") })
            #expect(try await world.store.rewardPayment(task: try TaskID(id))?.status == .mismatch)
        }
    }

    /// One payment reported as the reward of two tasks confirms one of them only.
    @Test func onePaymentReportedForTwoTasks_confirmsOneOfThem_andTheOtherIsAMismatch() async throws {
        try await withSandboxWorld(prefix: "pfbot-reward-twice") { world, _ in
            let first = try await rewardableTask(world, title: "First half", pft: 20)
            let second = try await rewardableTask(world, title: "Second half", pft: 20)
            try await world.taskNode.decideReward(taskID: first, decision: "reward", pft: 20)
            try await world.taskNode.decideReward(taskID: second, decision: "reward", pft: 20)
            let hash = try await world.pay(drops: 20_000_000, to: world.wallet.address, rewardOf: [first, second])
            try await world.taskNode.recordRewardPayment(taskID: first, hash: hash)
            try await world.taskNode.recordRewardPayment(taskID: second, hash: hash)
            await world.ledger.closeLedger()
            try await world.sync()
            try await world.sync()
            var statuses: [String: RewardPaymentRecord.Status] = [:]
            for id in [first, second] { statuses[id] = try await world.store.rewardPayment(task: try TaskID(id))?.status }
            #expect(statuses.values.sorted { $0.rawValue < $1.rawValue } == [.confirmed, .mismatch])
            let confirmed = try #require(statuses.first { $0.value == .confirmed }?.key)
            let other = try #require(statuses.first { $0.value == .mismatch }?.key)
            let issue = try #require(try await world.store.task(try TaskID(other))?.issueNumber)
            #expect(try await comments(world, issue).contains { $0.contains("already the confirmed reward of task \(confirmed)") })
        }
    }

    @Test func pfbotReport_showsPFTEarnedByDay_besideTheTaskNodesHistory_flaggingDaysThatDiffer() async throws {
        try await withSandboxWorld(prefix: "pfbot-reward-report") { world, _ in
            let seen = try await rewardableTask(world, title: "Seen reward", pft: 50)
            try await world.decideReward(taskID: seen, decision: "reward", pft: 50)
            // A reward pfbot cannot read (a statusKey outside the protocol) is in the Task Node's history only.
            let unread = try await rewardableTask(world, title: "Unread reward", pft: 7)
            try await world.decideReward(taskID: unread, decision: "reward", pft: 7)
            try await world.taskNode.override(taskID: unread, fields: ["statusKey": "teleported"])
            try await world.sync()

            let storeURL = "sqlite:" + world.directory.appendingPathComponent("pfbot.sqlite").path
            let result = try await CommandRunner().runAsync(["report"], in: world.directory.path, environment: ["PFBOT_STORAGE_URL": storeURL])
            #expect(result.status == 0, "\(result.standardError)")
            let text = result.standardOutput
            #expect(text.contains("## PFT earned by day: pfbot and the Task Node"))
            let today = Self.today()
            let row = try #require(text.split(separator: "\n").first { $0.hasPrefix("| \(today) |") && $0.contains("57 PFT") })
            #expect(row.contains("| 50 PFT | 57 PFT | ⚠ differs |"))

            let json = try await CommandRunner().runAsync(["report", "--json"], in: world.directory.path, environment: ["PFBOT_STORAGE_URL": storeURL])
            #expect(json.status == 0)
            #expect(json.standardOutput.contains("\"differs\":true"))
            #expect(json.standardOutput.contains("\"task_node_drops\":57000000"))

            let page = try await HTTPClient.shared.execute(HTTPClientRequest(url: world.dashboardURL), timeout: .seconds(30))
            #expect(page.status == .ok)
            let html = String(buffer: try await page.body.collect(upTo: 4 << 20))
            #expect(html.contains("PFT earned by day: pfbot and the Task Node"))
            #expect(html.contains("⚠ differs"))
            #expect(html.contains("reward.confirmed"))
            #expect(html.contains("Task Node event"))
        }
    }

    /// A task taken through the Task Node to `verification_response_submitted` with pfbot's own client.
    private func rewardableTask(_ world: SandboxWorld, title: String, pft: Decimal) async throws -> String {
        let id = await world.propose(title: title, description: "- Do it", pft: pft)
        let taskID = try TaskID(id)
        _ = try await world.client.accept(taskID, reason: "ok")
        _ = try await world.client.submit(taskID, evidence: [try Evidence(type: .url, value: "https://github.com/acme/tasks/pull/1")])
        try await world.taskNode.requestVerification(taskID: id, ask: "Where is it?")
        _ = try await world.client.respondToVerification(taskID, evidence: [try Evidence(type: .text, value: "In the pull request.")])
        return id
    }

    private static func today() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }

    private func comments(_ world: SandboxWorld, _ issue: Int) async throws -> [String] {
        try await world.context.github.listComments(world.repository, issue: issue).compactMap(\.body)
    }

    private func labels(_ world: SandboxWorld, _ issue: Int) async throws -> [String] {
        try await world.context.github.issue(world.repository, number: issue, options: ReadOptions()).labels.map(\.name)
    }
}

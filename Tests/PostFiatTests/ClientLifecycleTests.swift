import Foundation
import PFBotCore
import PostFiat
import Sandbox
import Testing

@Suite struct ClientLifecycleTests {
    @Test func wholeLifecycle_requestOfferAcceptSubmitVerifyRespondReward() async throws {
        var options = TaskNodeEmulatorOptions()
        options.offerLagSeconds = 30
        try await EmulatorHarness.with(options: options) { harness in
            let client = harness.client
            let receipt = try await client.requestTask(kind: .personal, text: "Write a guide to the pfbot CLI.")
            #expect(receipt.requestID.hasPrefix("req_"))
            #expect(try await client.listTasks().tasks.isEmpty)

            harness.emulator.clock.advance(by: 31)
            let offered = try await client.listTasks()
            let node = try #require(offered.tasks.first)
            #expect(node.task.state == .proposed)
            #expect(node.task.id.rawValue.range(of: "^task_[0-9a-f]{32}$", options: .regularExpression) != nil)
            #expect(try await client.listRequests().first?.generatedTaskID == node.task.id.rawValue)

            let id = node.task.id
            #expect(try await client.accept(id, reason: "Fits my skills.").status == "accepted")
            let evidence = try Evidence.classify("https://github.com/o/r/commit/0123456789abcdef0123456789abcdef01234567")
            #expect(evidence.type == .url)
            #expect(try await client.submit(id, evidence: [evidence]).status == "submitted")

            try await harness.emulator.requestVerification(taskID: id.rawValue, ask: "Which file holds the guide?")
            let prompted = try await client.taskDetail(id)
            #expect(prompted.task.task.state == .verificationRequested)
            #expect(prompted.task.verificationRequest?.ask == "Which file holds the guide?")
            #expect(prompted.task.task.verificationPrompt == "Which file holds the guide?")

            let answer = try Evidence(type: .text, value: "docs/guide.md")
            #expect(try await client.respondToVerification(id, evidence: [answer]).status == "verification_response_submitted")
            try await harness.emulator.decideReward(taskID: id.rawValue, decision: "partial_reward", pft: 80)

            let rewarded = try await client.taskDetail(id)
            #expect(rewarded.task.task.state == .rewarded)
            #expect(rewarded.task.task.reward == (try PFTAmount(parsing: "80")))
            #expect(rewarded.task.rewardOutcome?.decision == "partial_reward")
            #expect(rewarded.task.rewardOutcome?.offered == (try PFTAmount(parsing: "100")))
            #expect(rewarded.task.txHash == rewarded.task.rewardOutcome?.paymentTxHash)
        }
    }

    @Test func rejectDecision_paysZeroAndReadsAsRewarded() async throws {
        try await EmulatorHarness.with { harness in
            let id = try TaskID(await harness.propose(pft: 50))
            _ = try await harness.client.accept(id, reason: "ok")
            _ = try await harness.client.submit(id, evidence: [try Evidence.classify("https://example.org/x")])
            try await harness.emulator.requestVerification(taskID: id.rawValue, ask: "More?")
            _ = try await harness.client.respondToVerification(id, evidence: [try Evidence.classify("more text")])
            try await harness.emulator.decideReward(taskID: id.rawValue, decision: "reward", pft: 0)
            let detail = try await harness.client.taskDetail(id)
            #expect(detail.task.task.reward == .zero)
            #expect(detail.task.rewardOutcome?.decision == "reject")
            #expect(detail.task.rewardOutcome?.status == "zero_reward")
        }
    }

    @Test func writes_sendSignedPayloadsWithReasonsInsideAndOnlyAllowedKeys() async throws {
        try await EmulatorHarness.with { harness in
            let id = try TaskID(await harness.propose())
            let receipt = try await harness.client.accept(id, reason: "Because café ✓")
            let submits = await harness.requests(to: "/api/tasks/action").filter { $0.request.body.count > 60 && $0.status == 200 }
            let sent = try LiteralJSON.parse(try #require(submits.last).request.body)
            #expect(Set(sent.objectValue?.keys.map { $0 } ?? []) == ["phase", "taskId", "taskAction", "offchainPayload", "actorSignature"])
            let payload = try #require(sent["offchainPayload"])
            #expect(payload["reason"] == "Because café ✓")
            #expect(payload["accepted_at"] != nil)
            let authority = await harness.emulator.options.authorityWallet
            #expect(payload["authority_wallet"]?.stringValue == authority)
            #expect(payload["event_id"]?.stringValue == TransitionSignature.eventID(for: payload))
            #expect(receipt.eventID == payload["event_id"]?.stringValue)
            #expect(sent["actorSignature"]?["payload_digest"]?.stringValue == CanonicalJSON.digest(of: payload))
            // §4.5: the server digests its stored payload, so a client signature records payload_digest_mismatch.
            let detail = try await harness.client.taskDetail(id)
            let verdicts = (detail.raw["forensics"]?["timeline"]?.arrayValue ?? []).compactMap { $0["signature"]?["verification"]?["status"]?.stringValue }
            #expect(verdicts == ["payload_digest_mismatch"])
        }
    }

    @Test func submission_buildsMixedEvidenceForTwoItemsAndJoinsResponseText() async throws {
        try await EmulatorHarness.with { harness in
            let id = try TaskID(await harness.propose())
            _ = try await harness.client.accept(id, reason: "ok")
            _ = try await harness.client.submit(id, evidence: [try Evidence.classify("https://example.org/a"), try Evidence.classify("notes")])
            try await harness.emulator.requestVerification(taskID: id.rawValue, ask: "Why?")
            _ = try await harness.client.respondToVerification(id, evidence: [try Evidence.classify("first"), try Evidence.classify("second")])
            let bodies = await harness.requests(to: "/api/tasks/submission").filter { $0.status == 200 }
                .compactMap { try? LiteralJSON.parse($0.request.body) }.filter { $0["phase"] == "submit" }
            #expect(bodies.count == 2)
            let initial = try #require(bodies.first?["offchainPayload"])
            #expect(initial["artifact_type"] == "mixed")
            #expect(initial["evidence"]?["artifact_type"] == "mixed")
            #expect(initial["evidence_count"] == 2)
            #expect(initial["submission"] == initial["evidence"])
            #expect(initial["schema"] == "pf.task.submission.v1")
            let response = try #require(bodies.last?["offchainPayload"])
            #expect(response["schema"] == "pf.task.verification_response.v1")
            #expect(response["response_text"] == "first\n\nsecond")
            #expect(response["submitted_at"] == nil)
            #expect(bodies.last?["actorSignature"]?["transition"] == "verification_response")
        }
    }

    @Test func repeatedAccept_countsAsSuccessWithoutSecondWrite() async throws {
        try await EmulatorHarness.with { harness in
            let id = try TaskID(await harness.propose())
            let first = try await harness.client.accept(id, reason: "ok")
            let second = try await harness.client.accept(id, reason: "ok")
            #expect(first.alreadyApplied == false)
            #expect(second.alreadyApplied)
            #expect(await harness.emulator.task(id.rawValue)?.events.count == 2)
        }
    }

    @Test func racingAccept_answered409WithStatusAccepted_isSuccess() async throws {
        try await EmulatorHarness.with { harness in
            let id = try TaskID(await harness.propose())
            let conflict: LiteralJSON = ["ok": false, "action": "task_lifecycle_action", "error": "task_action_not_available",
                                       "message": "This task state does not allow that action.", "status": "accepted", "actions": [:]]
            await harness.emulator.injectFault(path: "/api/tasks/action", response: EmulatorResponse(status: 409, body: conflict.encoded()),
                                               bodyContains: #""phase":"submit""#)
            let receipt = try await harness.client.accept(id, reason: "ok")
            #expect(receipt.alreadyApplied)
            #expect(receipt.status == "accepted")
        }
    }

    @Test func repeatedSubmit_answered409WithPostState_isSuccess() async throws {
        try await EmulatorHarness.with { harness in
            let id = try TaskID(await harness.propose())
            _ = try await harness.client.accept(id, reason: "ok")
            _ = try await harness.client.submit(id, evidence: [try Evidence.classify("https://example.org/a")])
            let again = try await harness.client.submit(id, evidence: [try Evidence.classify("https://example.org/a")])
            #expect(again.alreadyApplied)
            #expect(again.status == "submitted")
        }
    }
}

import Foundation
import PFBotCore
import PFBotTestSupport
import PostFiat
import Sandbox
import Testing

@Suite struct FixtureReplayTests {
    private func json(_ path: String) throws -> LiteralJSON { try LiteralJSON.parse(Fixtures.data("postfiat/\(path)")) }

    @Test func networkLifecycleReplay_reachesTheExpectedProjection() throws {
        let manifest = try json("network_task_lifecycle_replay/manifest.json")
        let expected = try json("network_task_lifecycle_replay/expected_projection.json")
        var replay = ChainLifecycleReplay()
        for name in manifest["events"]?.arrayValue?.compactMap(\.stringValue) ?? [] {
            replay.apply(try ChainEvent(decoding: try json("network_task_lifecycle_replay/\(name)")))
        }
        #expect(replay.rejected.isEmpty)
        #expect(replay.taskID?.rawValue == expected["task_id"]?.stringValue)
        #expect(replay.state?.rawValue == expected["status"]?.stringValue)
        #expect(replay.title == expected["title"]?.stringValue)
        #expect(replay.description == expected["description"]?.stringValue)
        #expect(replay.kind?.name == expected["task_kind"]?.stringValue)
        #expect(replay.offered == (try PFTAmount(parsing: expected["reward_offer_pft"]?.stringValue ?? "")))
        #expect(replay.actual == (try PFTAmount(parsing: expected["reward_actual_pft"]?.stringValue ?? "")))
        #expect(replay.requestBundleCID == expected["request_bundle_cid"]?.stringValue)
        #expect(replay.eventCount == expected["event_count"]?.intValue)
        #expect(replay.path.map(\.rawValue) == expected["expected_transition_path"]?.arrayValue?.compactMap(\.stringValue))
    }

    @Test func localJSONTaskLoop_rejectedTransitionsOfTheReceiptAreRejectedByTheStateMachine() throws {
        let receipt = try json("local_json_task_loop/state/receipt.json")
        let rejected = try #require(receipt["rejected_transitions"]?.arrayValue)
        #expect(rejected.count == 2)
        for entry in rejected {
            let from = try #require(TaskState(statusKey: entry["from_status"]?.stringValue ?? ""))
            let allowed = Set((entry["allowed_to_statuses"]?.arrayValue ?? []).compactMap { TaskState(statusKey: $0.stringValue ?? "") })
            let to = TaskState(statusKey: entry["to_status"]?.stringValue ?? "")
            #expect(to.map { !TaskTransitions.isAllowed(from: from, to: $0) } ?? true)
            #expect(allowed.allSatisfy { TaskTransitions.isAllowed(from: from, to: $0) })
        }
    }

    @Test func localJSONTaskLoopTask_seedsTheEmulatorAndDecodesThroughTheClient() async throws {
        try await EmulatorHarness.with { harness in
            let data = try Fixtures.data("postfiat/local_json_task_loop_task.json")
            let id = try await harness.emulator.seed(offerJSON: data, wallet: harness.signer.address)
            let detail = try await harness.client.taskDetail(try TaskID(id))
            let task = detail.task.task
            #expect(task.title == "Create local JSON task loop CLI")
            #expect(task.kind == .other("Engineering_demo"))
            #expect(task.reward == (try PFTAmount(parsing: "3.2")))
            #expect(task.steps.count == 3)
            #expect(task.submissionRequirement?.type == .text)
            #expect(detail.task.raw["taskId"]?.stringValue == id)
        }
    }

    @Test func networkOffer_seedsTheEmulatorWithItsIdAndMixedRequirement() async throws {
        try await EmulatorHarness.with { harness in
            let data = try Fixtures.data("postfiat/network_task_lifecycle_replay/event_00_offer.json")
            let id = try await harness.emulator.seed(offerJSON: data, wallet: harness.signer.address)
            #expect(id == "task_net_replay_000000000000000000000001")
            let listing = try await harness.client.listTasks()
            let task = try #require(listing.tasks.first?.task)
            #expect(task.kind == .network)
            #expect(task.reward == (try PFTAmount(parsing: "12000")))
            #expect(task.submissionRequirement?.type == .mixed)
        }
    }

    @Test func stageBCases_everyEvidenceScenarioIsAcceptedByTheEmulator() async throws {
        let cases = try #require(try json("stage_b_cases.json").arrayValue)
        #expect(cases.count == 11)
        var options = TaskNodeEmulatorOptions()
        options.agentCaps = ["task_action": 50, "task_submission": 30, "task_verification_response": 30, "task_request": 20]
        try await EmulatorHarness.with(options: options, configure: { $0.agentCaps = .trusted }) { harness in
            for scenario in cases {
                let label = scenario["label"]?.stringValue ?? "?"
                let declared = scenario["evidence_type"]?.stringValue ?? "text"
                let id = try TaskID(await harness.propose(title: label, requirement: declared))
                if scenario["task_decision"] == "refuse" {
                    let receipt = try await harness.client.refuse(id, reason: scenario["refusal_reason"]?.stringValue ?? "refused")
                    #expect(receipt.status == "refused", "\(label)")
                    continue
                }
                _ = try await harness.client.accept(id, reason: "Stage B \(label)")
                let evidence = try Self.evidence(for: scenario)
                let receipt = try await harness.client.submit(id, evidence: evidence)
                #expect(receipt.status == "submitted", "\(label)")
                let stored = try #require(await harness.emulator.task(id.rawValue)?.events.last)
                let expectedType = evidence.count > 1 ? "mixed" : evidence[0].type.rawValue
                #expect(stored["artifact_type"]?.stringValue == expectedType, "\(label)")
            }
        }
    }

    /// The evidence the Stage B harness would hand in for a scenario (URL when it has one, else a text attestation;
    /// mixed scenarios send both).
    static func evidence(for scenario: LiteralJSON) throws -> [Evidence] {
        let url = scenario["evidence_url"]?.stringValue
        let attestation = "Stage B \(scenario["label"]?.stringValue ?? "") attestation: \(scenario["task_detail"]?.stringValue ?? "")"
        switch scenario["evidence_type"]?.stringValue {
        case "url": return [try Evidence.classify(url ?? "https://example.org")]
        case "mixed": return [try Evidence.classify(url ?? "https://example.org"), try Evidence(type: .text, value: attestation)]
        case "code": return [try Evidence(type: .code, value: "print(\"stage b\")")]
        case "file": return [try Evidence(type: .file, value: "%PDF-1.4 stage b", notes: "file: evidence.pdf")]
        case "screenshot": return [try Evidence(type: .screenshot, value: "https://example.org/screenshot.png")]
        default: return [try Evidence(type: .text, value: attestation)]
        }
    }
}

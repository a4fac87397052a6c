import Foundation
import PFBotCore
import PFBotTestSupport
@testable import Pipeline
@testable import Storage
import Testing

/// Jobs are typed: one payload type per kind, read back exactly, and their keys derived in one place.
@Suite struct TypedJobsTests {
    let task = try! TaskID("task_0123456789abcdef0123456789abcdef")
    let now = Date(timeIntervalSince1970: 1_790_000_000)

    var everyKind: [PipelineJob] {
        let observed = ObservedTaskJob(task: task, observed: .verificationRequested)
        return [
            .webhook(deliveryID: "72d3162e-cc78-11e3-81ab-4c9367dc0958"), .announce(observed), .accept(AcceptJob(task: task, reason: "auto-accept")),
            .startWork(StartWorkJob(task: task, occasion: .requested(at: now))), .relayVerification(observed), .recordReward(observed),
            .close(observed), .updateIssue(observed), .qualityControl(QualityControlJob(task: task, head: "abc123", requested: true)),
            .runSteps(StepsJob(task: task, head: "abc123", step: "test", requested: true)), .submit(SubmissionJob(task: task, commit: "def456", head: "abc123", pull: 7)),
        ]
    }

    @Test func everyKind_isReadBackAsItWasQueued() throws {
        #expect(Set(everyKind.map(\.kind)) == Set(JobKind.allCases))
        for job in everyKind {
            let row = job.newJob(runAt: now)
            let stored = Job(id: 1, kind: row.kind, payload: row.payload, dedupeKey: row.dedupeKey, state: .queued, attempts: 0,
                             maxAttempts: row.maxAttempts, runAt: row.runAt)
            #expect(try PipelineJob(stored) == job)
        }
    }

    @Test func keys_deduplicateWhatIsTheSameWork_andOnlyThat() {
        let automatic = PipelineJob.qualityControl(QualityControlJob(task: task, head: "abc"))
        #expect(automatic.dedupeKey == PipelineJob.qualityControl(QualityControlJob(task: task, head: "abc")).dedupeKey)
        #expect(automatic.dedupeKey != PipelineJob.qualityControl(QualityControlJob(task: task, head: "abc", requested: true)).dedupeKey)
        #expect(automatic.dedupeKey != PipelineJob.qualityControl(QualityControlJob(task: task, head: "abd")).dedupeKey)
        let keys = everyKind.map(\.dedupeKey)
        #expect(Set(keys).count == keys.count)
        #expect(PipelineJob.webhook(deliveryID: "d1").dedupeKey == "delivery:d1", "the inbox trigger (migration 003) queues this key")
    }

    @Test func aPayloadThatDoesNotFitItsKind_isAPermanentFailure() {
        let wrong = Job(id: 9, kind: JobKind.submit.rawValue, payload: #"{"task":"task_1"}"#, dedupeKey: nil, state: .queued, attempts: 1, maxAttempts: 8, runAt: now)
        #expect(throws: MalformedJob.self) { try PipelineJob(wrong) }
        let unknown = Job(id: 10, kind: "pipeline.launch", payload: "{}", dedupeKey: nil, state: .queued, attempts: 1, maxAttempts: 8, runAt: now)
        #expect(throws: MalformedJob.self) { try PipelineJob(unknown) }
    }

    /// Job rows and their keys are made by `PipelineJob` only: no other source file builds a `NewJob` or a key.
    @Test func noJobKeyIsBuiltOutsideTheJobType() throws {
        let sources = try Fixtures.packageRoot().appendingPathComponent("Sources")
        let allowed: Set<String> = ["Pipeline/Runtime/PipelineJob.swift"]
        var offenders: [String] = []
        let files = FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        for file in files where !file.hasPrefix("Storage/") && !allowed.contains(file) {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            if text.contains("NewJob(") || text.contains("dedupeKey:") { offenders.append(file) }
        }
        #expect(!files.isEmpty)
        #expect(offenders.isEmpty, "job rows built outside PipelineJob: \(offenders)")
    }
}

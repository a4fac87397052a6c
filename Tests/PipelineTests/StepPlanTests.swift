import Foundation
import PFBotCore
import PFBotTestSupport
@testable import Pipeline
import Testing

/// The plan the event job hands to the read-only steps job, and the results folder the apply job reads as
/// untrusted input.
@Suite struct StepPlanTests {
    let task: TaskID

    init() throws {
        task = try TaskID("task_0123456789abcdef0123456789abcdef")
    }

    func request(head: String = String(repeating: "a", count: 40), checkRunID: Int? = nil) -> StepRequest {
        StepRequest(head: head, commands: [.init(name: "count", run: "wc -l GUIDE.md > stats/lines.txt", timeoutSeconds: 60)],
                    collect: ["stats/lines.txt"], collectPattern: nil, origin: .steps(StepsJob(task: task, head: head, checkRunID: checkRunID)))
    }

    @Test func aPlan_roundTripsAsOneLine_andItsKeyIgnoresTheOrigin() throws {
        let plan = StepPlan(requests: [request(checkRunID: 7)])
        let text = try plan.encoded()
        #expect(!text.contains("\n"))
        #expect(try StepPlan.decode(text) == plan)
        #expect(request(checkRunID: 7).key == request(checkRunID: nil).key, "the applying job's own job finds the result")
        #expect(request().key != request(head: String(repeating: "b", count: 40)).key)
    }

    @Test func aPlanThatIsTooLargeOrNotAPlan_isRefusedWithWhatToDo() {
        #expect(throws: StepPlanError.self) { try StepPlan.decode(String(repeating: "x", count: StepPlan.maximumBytes + 1)) }
        do {
            _ = try StepPlan.decode("{\"requests\": 3}")
            Issue.record("a plan that is not one was read")
        } catch {
            #expect(String(describing: error).contains("pass the planning job's `plan` output"))
        }
    }

    @Test func results_areReadOnlyForThePlansOwnRequests_withinTheirLimits() throws {
        let directory = try TemporaryDirectory(prefix: "pfbot-step-results")
        defer { directory.remove() }
        let planned = request()
        let other = request(head: String(repeating: "c", count: 40))
        let results = StepResults(directory: URL(fileURLWithPath: directory.path), plan: StepPlan(requests: [planned]))
        #expect(results.outcomes(for: planned) == nil, "nothing recorded yet")

        let ranIn = URL(fileURLWithPath: directory.file("ran"))
        try FileManager.default.createDirectory(at: ranIn.appendingPathComponent("stats"), withIntermediateDirectories: true)
        try Data("5\n".utf8).write(to: ranIn.appendingPathComponent("stats/lines.txt"))
        try Data("not declared\n".utf8).write(to: ranIn.appendingPathComponent("other.txt"))
        let outcome = StepOutcome(status: .exited(0), tail: "counted\n", outputBytes: 8, duration: .milliseconds(1200))
        try results.record([outcome], for: planned, ranIn: ranIn)
        let read = try #require(results.outcomes(for: planned))
        #expect(read.outcomes == [outcome])
        #expect(FileManager.default.fileExists(atPath: read.files.appendingPathComponent("stats/lines.txt").path))
        #expect(!FileManager.default.fileExists(atPath: read.files.appendingPathComponent("other.txt").path), "only what the request collects")

        // A result for a request the plan does not hold is never looked at, even when its folder exists.
        try results.record([outcome], for: other, ranIn: ranIn)
        #expect(results.outcomes(for: other) == nil)
        #expect(results.plans(.runSteps, of: task, head: planned.head) && !results.plans(.runSteps, of: task, head: other.head))
        #expect(!results.plans(.qualityControl, of: task, head: planned.head))

        // A result file with another number of outcomes, or larger than the limit, counts as no result.
        let file = URL(fileURLWithPath: directory.path).appendingPathComponent(planned.key).appendingPathComponent("result.json")
        try Data("{\"outcomes\": []}".utf8).write(to: file)
        #expect(results.outcomes(for: planned) == nil)
        try Data(repeating: 0x20, count: StepResults.maximumResultBytes + 1).write(to: file)
        #expect(results.outcomes(for: planned) == nil)
    }
}

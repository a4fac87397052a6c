import Foundation
import PFBotCore
import Pipeline
import Testing

@Suite struct PrioritizerTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let prioritizer = Prioritizer(settings: PrioritySettings(deadlineWarningHours: [48, 12], roiWeight: 1, urgencyWeight: 1), maxInFlight: 1)

    func candidate(_ task: PostFiatTask, hours: Double = 1, manual: Int? = nil) throws -> PriorityCandidate {
        let analysis = TaskAnalyzer().analyze(task, manualEstimate: try HourEstimate(hours: hours, reasons: []))
        return PriorityCandidate(task: task, analysis: analysis, manualPriority: try manual.map(ManualPriority.init))
    }

    @Test func higherROI_andNearerDeadline_comeFirst() throws {
        let cheap = makeTask("task_a", reward: "10")
        let rich = makeTask("task_b", reward: "1000")
        let urgent = makeTask("task_c", reward: "10", due: now.addingTimeInterval(3600))
        let queue = prioritizer.order([try candidate(cheap), try candidate(rich), try candidate(urgent)], finished: [], now: now)
        #expect(queue.map(\.taskID.rawValue) == ["task_c", "task_b", "task_a"])
        #expect(queue.map(\.position) == [1, 2, 3])
        #expect(queue[0].score.reasons.map(\.factor) == ["roi", "deadline"])
    }

    @Test func manualPriority_overridesTheScore_andDependenciesWait() throws {
        let base = makeTask("task_base", reward: "1")
        let dependent = makeTask("task_dep", description: "Extend the work of task_base.", reward: "5000")
        let pinned = makeTask("task_pin", reward: "1")
        let queue = prioritizer.order([try candidate(base), try candidate(dependent), try candidate(pinned, manual: 5)], finished: [], now: now)
        #expect(queue.map(\.taskID.rawValue) == ["task_pin", "task_base", "task_dep"])
        #expect(queue[2].blockedBy.map(\.rawValue) == ["task_base"])
        #expect(queue[2].waitingReason == "waits for task_base")
        let unblocked = prioritizer.order([try candidate(dependent)], finished: [try TaskID("task_base")], now: now)
        #expect(unblocked.first?.blockedBy.isEmpty == true)
    }

    @Test func wipLimit_holdsBackProposalsWhenFull() throws {
        let working = makeTask("task_w", reward: "1", state: .inProgress)
        let proposal = makeTask("task_p", reward: "100")
        let queue = prioritizer.order([try candidate(working), try candidate(proposal)], finished: [], now: now)
        let waiting = queue.first { $0.taskID.rawValue == "task_p" }?.waitingReason
        #expect(waiting == "WIP limit: 1 of 1 tasks in flight")
        let finishedTasks = prioritizer.order([try candidate(makeTask("task_r", state: .rewarded))], finished: [], now: now)
        #expect(finishedTasks.isEmpty)
    }

    @Test func deadlineWarnings_fireOncePerLeadTime() {
        let task = makeTask(state: .inProgress, due: now.addingTimeInterval(10 * 3600))
        #expect(prioritizer.dueWarnings(for: task, alreadySent: [], now: now) == [48, 12])
        #expect(prioritizer.dueWarnings(for: task, alreadySent: [48], now: now) == [12])
        #expect(prioritizer.dueWarnings(for: task, alreadySent: [48, 12], now: now).isEmpty)
        let far = makeTask(state: .inProgress, due: now.addingTimeInterval(100 * 3600))
        #expect(prioritizer.dueWarnings(for: far, alreadySent: [], now: now).isEmpty)
    }
}

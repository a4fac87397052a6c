import Foundation
import PFBotCore
import Storage
import Testing

/// The dashboard's figures come from the database in a few aggregate queries; they must add up to what the tasks'
/// histories say.
@Suite struct AnalyticsAggregationTests {
    let start = Date(timeIntervalSince1970: 1_790_000_000)
    func hours(_ value: Double) -> Date { start.addingTimeInterval(value * 3600) }

    /// Saves the task in each state of `steps` in turn, as the Monitor records what the Task Node reports.
    func play(_ store: SQLStore, _ id: String, reward: String, _ steps: [(TaskState, Double)]) async throws {
        var task = try sampleTask(id, state: steps[0].0, at: hours(steps[0].1))
        task.reward = try PFTAmount(parsing: reward)
        try await store.saveTask(TaskRecord(task: task), source: "tasknode")
        for (state, at) in steps.dropFirst() {
            task.state = state
            task.updatedAt = hours(at)
            try await store.saveTask(TaskRecord(task: task), source: "tasknode")
        }
    }

    @Test(arguments: Engine.allCases)
    func figures_addUpTheHistories(engine: Engine) async throws {
        try await withStore(engine) { store, _ in
            try await play(store, "task_a", reward: "250", [(.proposed, 0), (.accepted, 1), (.mirrored, 2), (.submitted, 5), (.rewarded, 30)])
            try await play(store, "task_b", reward: "5", [(.proposed, 0), (.refused, 3)])
            try await play(store, "task_c", reward: "90", [(.proposed, 10), (.accepted, 11)])
            for action in ["qc.success", "qc.failure", "qc.success", "command.accept"] {
                try await store.appendAudit(AuditEntry(at: start, actor: "pfbot", action: action, subject: "task_a"))
            }
            let figures = try await store.analyticsFigures(now: hours(60))
            #expect(figures.tasksByState == [.rewarded: 1, .refused: 1, .accepted: 1])
            #expect(figures.accepted == 2 && figures.declined == 1 && figures.endedAfterAcceptance == 1)
            #expect(figures.earnings == [.init(day: "2026-09-22", drops: 250_000_000, tasks: 1)])
            #expect(figures.qualityControlPassed == 2 && figures.qualityControlRuns == 3)
            #expect(figures.timeInState[.proposed] == .init(spans: 3, totalHours: 5))
            #expect(figures.timeInState[.accepted] == .init(spans: 2, totalHours: 50))
            #expect(figures.timeInState[.mirrored] == .init(spans: 1, totalHours: 3))
            #expect(figures.timeInState[.submitted] == .init(spans: 1, totalHours: 25))
            #expect(figures.timeInState[.rewarded] == nil)

            try await store.saveAnalysis(TaskAnalysisRecord(task: try TaskID("task_a"), inputDigest: "d", category: "docs", complexity: 3, estimatedHours: 2,
                                                            returnOnInvestment: 125, detail: "{}", updatedAt: start))
            let lines = try await store.taskReportLines(limit: 10, offset: 0)
            #expect(lines.map(\.record.task.id.rawValue) == ["task_a", "task_b", "task_c"])
            #expect(lines[0].analysis?.returnOnInvestment == 125 && lines[1].analysis == nil)
            #expect(lines[0].acceptedAt == hours(1) && lines[0].submittedAt == hours(5) && lines[0].rewardedAt == hours(30))
            #expect(try await store.taskReportLines(limit: 2, offset: 1).map(\.record.task.id.rawValue) == ["task_b", "task_c"])
        }
    }
}

import Foundation
import PFBotCore
import Storage

/// Orders the tasks that still need work: a manual priority first, then score from ROI and deadline urgency;
/// tasks waiting on another unfinished task, and those past the WIP limit, go after the workable ones.
public struct Prioritizer: Sendable {
    /// The `priority.*` settings: the ROI and urgency weights of the score, and the deadline warning lead times.
    public var settings: PrioritySettings
    /// Most tasks in flight at once.
    public var maxInFlight: Int

    /// Creates the prioritizer from the configuration.
    public init(settings: PrioritySettings, maxInFlight: Int) {
        self.settings = settings
        self.maxInFlight = maxInFlight
    }

    /// The queue, best first. Terminal and submitted tasks are left out; `finished` holds the ids of every
    /// task known to be done (so a dependency on them no longer blocks).
    public func order(_ candidates: [PriorityCandidate], finished: Set<TaskID>, now: Date) -> [QueueEntry] {
        let open = candidates.filter { $0.task.state.nodeStatus == .proposed || $0.task.state.isInFlight }
        let openIDs = Set(open.map(\.task.id))
        var scored = open.map { candidate -> (PriorityCandidate, PriorityScore, [TaskID]) in
            let blockers = dependencies(of: candidate.task, among: openIDs.subtracting([candidate.task.id]))
                .filter { !finished.contains($0) }
            return (candidate, score(candidate, now: now), blockers)
        }
        scored.sort { lhs, rhs in
            if lhs.2.isEmpty != rhs.2.isEmpty { return lhs.2.isEmpty }
            if lhs.1.value != rhs.1.value { return lhs.1.value > rhs.1.value }
            return lhs.0.task.id < rhs.0.task.id
        }
        var inFlight = open.filter { $0.task.state.isInFlight }.count
        return scored.enumerated().map { index, item in
            let (candidate, score, blockers) = item
            var waiting: String?
            if !blockers.isEmpty {
                waiting = "waits for " + blockers.map(\.rawValue).joined(separator: ", ")
            } else if candidate.task.state == .proposed {
                if inFlight >= maxInFlight {
                    waiting = "WIP limit: \(inFlight) of \(maxInFlight) tasks in flight"
                } else {
                    inFlight += 1
                }
            }
            return QueueEntry(taskID: candidate.task.id, position: index + 1, score: score, blockedBy: blockers, waitingReason: waiting)
        }
    }

    /// The queue of stored tasks, each with its analysis (with its manual estimate) and manual priority.
    public func order(_ analysed: [(record: TaskRecord, analysis: TaskAnalysis)], now: Date) -> [QueueEntry] {
        let candidates = analysed.map { PriorityCandidate(task: $0.record.task, analysis: $0.analysis, manualPriority: $0.record.manualPriority) }
        let finished = Set(analysed.map(\.record).filter { $0.task.state.isTerminal || $0.task.state.nodeStatus == .submitted }.map(\.task.id))
        return order(candidates, finished: finished, now: now)
    }

    /// The states of tasks that can be in the queue: proposed, or accepted and not yet submitted.
    public static let queuedStates: Set<TaskState> = Set(TaskState.allCases.filter { $0 == .proposed || $0.isInFlight })

    /// The score of one task, with a reason per factor.
    public func score(_ candidate: PriorityCandidate, now: Date) -> PriorityScore {
        var reasons: [PriorityScore.Reason] = []
        let roi = candidate.analysis.returnOnInvestment
        let roiPoints = settings.roiWeight * 10 * log10(1 + max(roi, 0))
        reasons.append(.init(factor: "roi", points: roiPoints, explanation: "\(Self.format(roi)) PFT/h expected"))
        if let deadline = candidate.task.effectiveDeadline {
            let hoursLeft = deadline.timeIntervalSince(now) / 3600
            let urgency = hoursLeft <= 0 ? 60 : 50 * exp(-hoursLeft / 48)
            let explanation = hoursLeft <= 0 ? "deadline passed" : "\(Self.format(hoursLeft)) h to the deadline"
            reasons.append(.init(factor: "deadline", points: settings.urgencyWeight * urgency, explanation: explanation))
        }
        if candidate.task.state.isInFlight {
            reasons.append(.init(factor: "in-flight", points: 5, explanation: "already accepted: finish before starting new work"))
        }
        if let manual = candidate.manualPriority {
            reasons.append(.init(factor: "manual", points: Double(manual.value) * 1000, explanation: "set with /pf priority \(manual.value)"))
        }
        return PriorityScore(reasons: reasons)
    }

    /// Ids of other open tasks that this task's text names (a task naming another task id waits for it).
    func dependencies(of task: PostFiatTask, among others: Set<TaskID>) -> [TaskID] {
        guard !others.isEmpty else { return [] }
        let text = ([task.description] + task.steps).joined(separator: "\n")
        return others.filter { text.contains($0.rawValue) }.sorted()
    }

    /// Deadline warnings due now: each configured lead time (hours) that has been reached and not sent yet.
    public func dueWarnings(for task: PostFiatTask, alreadySent: Set<Int>, now: Date) -> [Int] {
        guard let deadline = task.effectiveDeadline, !task.state.isTerminal, task.state.nodeStatus != .submitted else { return [] }
        let hoursLeft = deadline.timeIntervalSince(now) / 3600
        return settings.deadlineWarningHours.filter { hoursLeft <= Double($0) && !alreadySent.contains($0) }.sorted(by: >)
    }

    static func format(_ value: Double) -> String {
        String(format: "%.1f", value)
    }
}

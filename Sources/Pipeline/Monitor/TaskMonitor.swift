import Foundation
import Logging
import PFBotCore
import PostFiat
import Storage

/// The Monitor: reads the contributor's tasks from the Task Node, records what changed (the Task Node is the
/// truth for its own states), applies the filters to new proposals, and queues the pipeline's reactions.
public struct TaskMonitor: Sendable {
    let source: any TaskSource
    let store: any Store
    let filter: TaskFilter
    let autoAccept: AutoAcceptPolicy
    let analyzer: TaskAnalyzer
    let calibration: EstimateCalibration
    let now: @Sendable () -> Date
    let logger: Logger

    /// Creates the Monitor.
    /// - Parameters:
    ///   - source: the Task Node's task list.
    ///   - store: where tasks, their history and the queued reactions are written.
    ///   - filters: which proposals pfbot pays attention to (`filters.*`).
    ///   - autoAccept: which proposals are accepted without a person (`auto_accept.*`).
    ///   - analyzer: analyses new proposals for the filters and the auto-accept rules.
    ///   - calibration: the estimator's calibration from finished tasks (shared with the pipeline's context).
    ///   - now: the clock.
    ///   - logger: where the Monitor logs.
    public init(source: any TaskSource, store: any Store, filters: TaskFilters, autoAccept: AutoAcceptRules,
                analyzer: TaskAnalyzer = TaskAnalyzer(), calibration: EstimateCalibration = EstimateCalibration(),
                now: @escaping @Sendable () -> Date = Date.init, logger: Logger = Logger(label: "pfbot.monitor")) {
        self.calibration = calibration
        self.source = source
        self.store = store
        self.filter = TaskFilter(filters: filters)
        self.autoAccept = AutoAcceptPolicy(rules: autoAccept, maxInFlight: filters.maxInFlight)
        self.analyzer = analyzer
        self.now = now
        self.logger = logger
    }

    /// What one poll found.
    public struct Report: Sendable, Equatable {
        /// Tasks seen for the first time.
        public var new: [TaskID] = []
        /// Tasks whose Task Node state changed.
        public var changed: [TaskID] = []
        /// New proposals the filters skipped, with the reason.
        public var skipped: [TaskID: String] = [:]
        /// Tasks the Task Node sent that could not be read (each with its error); the others still went through.
        public var problems: [String] = []
        /// Jobs queued.
        public var queuedJobs: Int = 0
        /// The Task Node's polling hint.
        public var nextPoll: Duration?
    }

    /// Polls once.
    /// - Throws: the Task Node client's error when the list cannot be read at all (nothing is changed then).
    public func poll() async throws -> Report {
        let listing = try await source.listTasks()
        var report = Report()
        report.nextPoll = listing.nextPollMilliseconds.map { .milliseconds($0) }
        for problem in listing.problems {
            let text = "\(problem.taskID ?? "a task") in \(problem.bucket): \(problem.error)"
            report.problems.append(text)
            logger.warning("skipped unreadable task: \(text)")
            try await store.appendAudit(AuditEntry(at: now(), actor: "tasknode", action: "task.unreadable", subject: problem.taskID ?? "?", detail: String(describing: problem.error)))
        }
        var inFlight = try await store.countTasks(in: Set(TaskState.allCases.filter(\.isInFlight)))
        for node in listing.tasks {
            try await observe(node, report: &report, inFlight: &inFlight)
        }
        return report
    }

    /// The last state a task had before it became `unknown`.
    private func stateBeforeUnknown(_ id: TaskID) async throws -> TaskState? {
        try await store.history(of: id).last { $0.to != .unknown }?.to
    }

    private func observe(_ listed: NodeTask, report: inout Report, inFlight: inout Int) async throws {
        let stored = try await store.task(listed.task.id)
        let node = await withDetailIfNeeded(listed, stored: stored)
        let seen = now()
        var incoming = node.task
        if let stored {
            incoming.createdAt = stored.task.createdAt
            if stored.task.state.nodeStatus == incoming.state { incoming.state = stored.task.state }
            if stored.task.state == .unknown, let before = try await stateBeforeUnknown(stored.task.id), before.nodeStatus == incoming.state {
                // Back from a status pfbot does not know (an operator's reroute, say) to the one it had: the work state
                // pfbot tracked (in progress, QC passed, merged) is the task's again.
                incoming.state = before
            }
            if stored.task.state.isTerminal, incoming.state != stored.task.state {
                // No state leaves an end (protocol §5): the listing lags behind what pfbot already saw, so nothing in it
                // (its reward is the offer, not the payment) replaces the task as it ended.
                logger.notice("\(incoming.id) is \(stored.task.state) but the Task Node lists it as \(incoming.state); keeping the task as it ended")
                return
            }
        } else {
            incoming.createdAt = seen
        }
        incoming.updatedAt = Self.stamp(node.task.updatedAt, seen: seen, stored: stored?.task, changed: stored?.task.state != incoming.state)
        incoming.verificationPrompt = node.verificationRequest?.ask ?? stored?.task.verificationPrompt
        if let reward = node.rewardOutcome?.reward, incoming.state.nodeStatus == .rewarded || incoming.state == .rewardDecided {
            incoming.reward = reward
        }
        let isNewProposal = stored == nil && incoming.state == .proposed
        let skipReason = isNewProposal ? filter.skipReason(for: incoming) : nil
        let returned = stored?.task.state == .unknown && incoming.state != .unknown && incoming.state != incoming.state.nodeStatus
        let reactions = returned ? [.updateIssue]
            : ObservedChange.reactions(stored: stored?.task.state, observed: incoming.state.nodeStatus, skipReason: skipReason)
        guard stored == nil || stored?.task != incoming else { return }

        var record = stored ?? TaskRecord(task: incoming)
        record.task = incoming
        record.rawJSON = String(decoding: node.raw.encoded(), as: UTF8.self)
        try await store.saveTask(record, source: "tasknode")
        if stored == nil { report.new.append(incoming.id) } else if stored?.task.state.nodeStatus != incoming.state.nodeStatus { report.changed.append(incoming.id) }

        for reaction in reactions {
            if case .skip(let reason) = reaction {
                report.skipped[incoming.id] = reason
                try await store.appendAudit(AuditEntry(at: now(), actor: "pfbot", action: "task.skipped", subject: incoming.id.rawValue, detail: reason))
                continue
            }
            if let job = Self.job(for: reaction, task: incoming), try await jobs.enqueue(job) {
                report.queuedJobs += 1
            }
            if reaction == .announceProposal {
                try await considerAutoAccept(incoming, inFlight: &inFlight, report: &report)
            }
        }
    }

    /// When an observed change happened: the Task Node's own time for the task (its `updatedAt`, or when the listing
    /// was read if it gives none), unless that time is older than the change the store recorded last or later than
    /// the poll. A stale stamp would put the change before the one it follows (the history would end, in time, on a
    /// state the task left, and the spans of time in state would be wrong): such a change is stamped when it was seen,
    /// and an unchanged task keeps the time it has.
    static func stamp(_ nodeTime: Date, seen: Date, stored: PostFiatTask?, changed: Bool) -> Date {
        guard let stored else { return min(nodeTime, seen) }
        if nodeTime >= stored.updatedAt && nodeTime <= seen { return nodeTime }
        return changed ? max(seen, stored.updatedAt) : stored.updatedAt
    }

    /// The verification prompt and the reward outcome are only in the task detail (protocol §3.3): read it when the
    /// task enters one of those states. A failure keeps the list's view; the next poll tries again.
    private func withDetailIfNeeded(_ node: NodeTask, stored: TaskRecord?) async -> NodeTask {
        let state = node.task.state
        let needsDetail = (state == .verificationRequested && (stored?.task.state != .verificationRequested || stored?.task.verificationPrompt == nil))
            || ((state == .rewarded || state == .rewardDecided) && stored?.task.state.nodeStatus != state)
        guard needsDetail else { return node }
        do {
            return try await source.taskDetail(node.task.id).task
        } catch {
            logger.warning("could not read the detail of \(node.task.id): \(error); will retry on the next poll")
            return node
        }
    }

    /// The job for `reaction`, one per task and observed state.
    static func job(for reaction: PipelineReaction, task: PostFiatTask) -> PipelineJob? {
        let observed = ObservedTaskJob(task: task.id, observed: task.state)
        switch reaction {
        case .announceProposal: return .announce(observed)
        case .startWork: return .startWork(StartWorkJob(task: task.id, occasion: .observed(task.state)))
        case .relayVerification: return .relayVerification(observed)
        case .recordReward: return .recordReward(observed)
        case .close: return .close(observed)
        case .updateIssue: return .updateIssue(observed)
        case .skip: return nil
        }
    }

    private var jobs: JobQueue { JobQueue(store: store, now: now) }

    private func considerAutoAccept(_ task: PostFiatTask, inFlight: inout Int, report: inout Report) async throws {
        let analysis = try await TaskAnalyses(analyzer: analyzer, store: store, now: now, calibration: calibration).analysis(of: TaskRecord(task: task))
        let decision = autoAccept.decide(task, analysis: analysis, inFlight: inFlight)
        guard decision.accept else { return }
        if try await jobs.enqueue(.accept(AcceptJob(task: task.id, reason: decision.reason))) {
            report.queuedJobs += 1
            inFlight += 1
            try await store.appendAudit(AuditEntry(at: now(), actor: "pfbot", action: "task.auto-accept", subject: task.id.rawValue, detail: decision.reason))
        }
    }
}

import Foundation
import Storage

/// One sync of the bot with the outside world, the same in every mode: poll the Task Node (Monitor), ask GitHub to
/// redeliver lost webhooks (App authentication only), reconcile GitHub (Reconciler), post due deadline warnings
/// (Prioritizer), confirm pending reward payments on the ledger and refresh the Task Node's reward history (hourly),
/// then, where the mode has no workers of its own, run every due job.
///
/// The redelivery sweep comes before the reconciler: it costs a page or so, while reconciling grows with the tasks
/// open and recently ended, and a lost `/pf` command waits for nothing else (a pass cut short by a restart, as the
/// fault soak does every 20 s, still recovers the commands).
public struct SyncPass: Sendable {
    let assembly: BotAssembly

    /// What a pass does besides polling.
    public struct Steps: Sendable {
        /// Reconcile GitHub with the store.
        public var reconcile: Bool
        /// Redeliver webhooks that never arrived (needs App authentication; skipped otherwise).
        public var redeliver: Bool
        /// Run the due jobs before returning (one-shot modes; `pfbot serve` has workers).
        public var runJobs: Bool
        /// Prune processed data past `storage.retention`.
        public var prune: Bool

        /// - Parameters:
        ///   - reconcile: reconcile GitHub with the store.
        ///   - redeliver: redeliver lost webhooks (App authentication only).
        ///   - runJobs: run the due jobs before returning.
        ///   - prune: prune processed data past `storage.retention`.
        public init(reconcile: Bool = true, redeliver: Bool = true, runJobs: Bool = true, prune: Bool = true) {
            self.reconcile = reconcile
            self.redeliver = redeliver
            self.runJobs = runJobs
            self.prune = prune
        }
    }

    /// What a pass did.
    public struct Outcome: Sendable, Encodable {
        /// Tasks the Task Node listed for the first time.
        public var newTasks: Int
        /// Known tasks whose state or details changed.
        public var changedTasks: Int
        /// What went wrong in the poll and the reconciliation, one line each.
        public var problems: [String]
        /// Tasks the Reconciler checked.
        public var reconciled: Int
        /// Deadline warnings posted.
        public var deadlineWarnings: Int
        /// Webhook deliveries GitHub was asked to redeliver.
        public var redelivered: Int
        /// Reward payments confirmed on the ledger during the pass.
        public var rewardsConfirmed: Int
        /// Jobs run before returning.
        public var jobsRun: Int
        /// Jobs that failed for good during the pass.
        public var deadJobs: Int
        /// The Task Node's polling hint.
        public var nextPollSeconds: Double?
        /// The Monitor's report of the poll.
        public var poll: TaskMonitor.Report
        /// What pruning removed, when the pass pruned.
        public var pruned: PruneReport?

        enum CodingKeys: String, CodingKey {
            case newTasks, changedTasks, problems, reconciled, deadlineWarnings, redelivered, rewardsConfirmed, jobsRun, deadJobs, nextPollSeconds, pruned
        }

        /// The ✓/✗ lines the CLI prints.
        public var text: String {
            var lines = ["✓ Task Node: \(newTasks) new, \(changedTasks) changed", "✓ GitHub: \(reconciled) tasks reconciled", "✓ jobs run: \(jobsRun)"]
            lines += problems.map { "✗ \($0)" }
            if deadJobs > 0 { lines.append("✗ \(deadJobs) jobs failed for good; see `pfbot doctor` and the audit log") }
            return lines.joined(separator: "\n")
        }
    }

    /// Runs the pass.
    /// - Throws: the Task Node's error when its task list cannot be read at all, or the store's.
    public func run(_ steps: Steps = Steps()) async throws -> Outcome {
        let context = assembly.context
        let deadBefore = try await assembly.store.jobCounts()[.dead] ?? 0
        let polled = try await assembly.monitor.poll()
        // A sweep that fails (GitHub's deliveries API down) is a problem of the pass, not its end: reconciling goes on.
        var redelivered = 0
        var sweepProblem: String?
        if steps.redeliver, assembly.usesApp {
            do {
                redelivered = try await RedeliverySweep(context: context).sweep()
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                sweepProblem = "redelivery sweep: \(error); lost webhooks are looked for again on the next pass"
            }
        }
        let reconciled = steps.reconcile ? try await Reconciler(context: context).reconcile() : Reconciler.Report()
        let warnings = try await DeadlineWatcher(context: context).warn()
        let confirmed = try await RewardConfirmations(context: context).checkPending()
        let historyProblem = try await RewardHistorySync(context: context).refreshIfStale()
        let ran = steps.runJobs ? try await assembly.runner.drain() : 0
        let pruned = steps.prune ? try await assembly.store.prune(assembly.configuration.storage.retention, now: context.now()) : nil
        let deadAfter = try await assembly.store.jobCounts()[.dead] ?? 0
        return Outcome(newTasks: polled.new.count, changedTasks: polled.changed.count,
                       problems: polled.problems + reconciled.problems + [sweepProblem, historyProblem].compactMap { $0 },
                       reconciled: reconciled.checked, deadlineWarnings: warnings, redelivered: redelivered, rewardsConfirmed: confirmed, jobsRun: ran,
                       deadJobs: deadAfter - deadBefore, nextPollSeconds: polled.nextPoll.map { Double($0.components.seconds) }, poll: polled, pruned: pruned)
    }
}

import Foundation

/// What the dashboard and `pfbot report` show: how the contributor's Post Fiat work is going, computed from the
/// store (tasks, their state history, the audit log) at one moment.
public struct AnalyticsReport: Sendable, Codable, Equatable {
    /// A ratio with its parts, so "3 of 4" can be shown beside 75 %.
    public struct Rate: Sendable, Codable, Equatable {
        /// The part counted (the "3" of "3 of 4").
        public var count: Int
        /// The whole it is counted out of (the "4" of "3 of 4").
        public var outOf: Int
        /// `nil` when nothing was counted yet.
        public var value: Double? { outOf == 0 ? nil : Double(count) / Double(outOf) }

        /// Creates the rate from its parts.
        /// - Parameters:
        ///   - count: the part counted.
        ///   - outOf: the whole; 0 makes ``value`` `nil`.
        public init(count: Int, outOf: Int) {
            self.count = count
            self.outOf = outOf
        }
    }

    /// Tasks in one state now.
    public struct StateCount: Sendable, Codable, Equatable {
        /// The task state's key (`in_progress`, `rewarded`, …).
        public var state: String
        /// How many tasks are in the state now.
        public var tasks: Int

        /// Creates the value from its parts.
        public init(state: String, tasks: Int) {
            self.state = state
            self.tasks = tasks
        }
    }

    /// How long tasks stayed in one state (a task still in it counts up to the report's time).
    public struct StateTime: Sendable, Codable, Equatable {
        /// The task state's key (`in_progress`, `rewarded`, …).
        public var state: String
        /// Tasks that spent time in the state.
        public var tasks: Int
        /// The mean time a task spent in the state, in hours.
        public var meanHours: Double
        /// The time all tasks together spent in the state, in hours.
        public var totalHours: Double

        /// Creates the value from its parts.
        public init(state: String, tasks: Int, meanHours: Double, totalHours: Double) {
            self.state = state
            self.tasks = tasks
            self.meanHours = meanHours
            self.totalHours = totalHours
        }
    }

    /// PFT earned on one day (UTC), and in all up to that day.
    public struct Earning: Sendable, Codable, Equatable {
        /// `yyyy-MM-dd`.
        public var day: String
        /// PFT rewarded on that day, in drops.
        public var drops: Int64
        /// PFT rewarded up to and including that day, in drops.
        public var cumulativeDrops: Int64

        /// Creates the value from its parts.
        public init(day: String, drops: Int64, cumulativeDrops: Int64) {
            self.day = day
            self.drops = drops
            self.cumulativeDrops = cumulativeDrops
        }
    }

    /// One day's PFT earned as pfbot recorded it next to the Task Node's own total for the day.
    public struct RewardDay: Sendable, Codable, Equatable {
        /// `yyyy-MM-dd` (UTC).
        public var day: String
        /// PFT pfbot recorded as rewarded that day, in drops.
        public var pfbotDrops: Int64
        /// The Task Node's total for the day (`GET /api/profile/reward-history`), in drops; `nil` for a day outside
        /// the 90 days it reports.
        public var taskNodeDrops: Int64?
        /// Whether the two differ (only for days the Task Node reported).
        public var differs: Bool

        /// Creates the value from its parts.
        public init(day: String, pfbotDrops: Int64, taskNodeDrops: Int64?) {
            self.day = day
            self.pfbotDrops = pfbotDrops
            self.taskNodeDrops = taskNodeDrops
            self.differs = taskNodeDrops.map { $0 != pfbotDrops } ?? false
        }
    }

    /// One task's line: its reward against the work it takes.
    public struct TaskLine: Sendable, Codable, Equatable {
        /// The Task Node's task id.
        public var id: String
        /// The task's title, as the Task Node has it.
        public var title: String
        /// The Analyzer's category for the task.
        public var category: String
        /// The task state's key now; `rejected` for a task rewarded with 0 PFT.
        public var state: String
        /// The task's reward, in drops.
        public var rewardDrops: Int64
        /// The GitHub issue the task is mirrored into, once it has one.
        public var issueNumber: Int?
        /// The task's pull request, once it has one.
        public var pullNumber: Int?
        /// The commit the merge of the task's pull request made, once its work was submitted.
        public var mergeCommit: String?
        /// The issue, pull request and merge commit on GitHub's web pages.
        public var links: TaskLinks
        /// The Analyzer's estimate (or `/pf estimate`).
        public var estimatedHours: Double
        /// Reward per estimated hour, in PFT.
        public var estimatedPFTPerHour: Double
        /// From acceptance to submission, when both happened.
        public var hoursToSubmit: Double?
        /// Reward per hour from acceptance to submission, in PFT, for tasks rewarded with more than 0 PFT.
        public var realizedPFTPerHour: Double?

        /// Creates the value from its parts.
        public init(id: String, title: String, category: String, state: String, rewardDrops: Int64, issueNumber: Int?, estimatedHours: Double,
                    estimatedPFTPerHour: Double, hoursToSubmit: Double?, realizedPFTPerHour: Double?, pullNumber: Int? = nil, mergeCommit: String? = nil,
                    links: TaskLinks = TaskLinks()) {
            self.id = id
            self.title = title
            self.category = category
            self.state = state
            self.rewardDrops = rewardDrops
            self.issueNumber = issueNumber
            self.pullNumber = pullNumber
            self.mergeCommit = mergeCommit
            self.links = links
            self.estimatedHours = estimatedHours
            self.estimatedPFTPerHour = estimatedPFTPerHour
            self.hoursToSubmit = hoursToSubmit
            self.realizedPFTPerHour = realizedPFTPerHour
        }
    }

    /// One audit-log entry.
    public struct AuditLine: Sendable, Codable, Equatable {
        /// When the action happened.
        public var at: Date
        /// Who did it: `pfbot`, `tasknode`, `github`, or `github:<login>` for a person's command.
        public var actor: String
        /// What was done (`work.started`, `qc.success`, `command.accept`, …).
        public var action: String
        /// What it was done to, usually a task id.
        public var subject: String
        /// The task's title when the subject is a task pfbot knows.
        public var title: String?
        /// More about the action, when there is more to say.
        public var detail: String?
        /// What led to it: a command's comment URL (shared by every entry the command caused), a merge, a job.
        public var cause: String?
        /// The Task Node's event id of the write, for entries that record one.
        public var taskNodeEvent: String?

        /// Creates the value from its parts.
        public init(at: Date, actor: String, action: String, subject: String, title: String? = nil, detail: String?, cause: String? = nil,
                    taskNodeEvent: String? = nil) {
            self.at = at
            self.actor = actor
            self.action = action
            self.subject = subject
            self.title = title
            self.detail = detail
            self.cause = cause
            self.taskNodeEvent = taskNodeEvent
        }
    }

    /// When the report was computed; a task still in a state counts up to this time.
    public var generatedAt: Date
    /// How many tasks are in each state now.
    public var tasksByState: [StateCount]
    /// Tasks accepted, of those accepted or declined (refused, or expired while still proposed).
    public var acceptance: Rate
    /// Tasks rewarded with more than 0 PFT, of accepted tasks that reached an end (rewarded, rejected, cancelled, expired).
    public var completion: Rate
    /// Quality-control runs that passed, of all runs.
    public var qualityControl: Rate
    /// All PFT rewarded so far, in drops.
    public var earnedDrops: Int64
    /// PFT earned per day (UTC), oldest day first.
    public var earnings: [Earning]
    /// How long tasks stayed in each state.
    public var timeInState: [StateTime]
    /// Every task, highest estimated PFT per hour first.
    public var tasks: [TaskLine]
    /// The newest audit entries first.
    public var audit: [AuditLine]
    /// PFT earned per day, pfbot's record beside the Task Node's, oldest day first: every day either has a reward on.
    public var rewardReconciliation: [RewardDay]

    /// Creates the report from its parts.
    public init(generatedAt: Date, tasksByState: [StateCount], acceptance: Rate, completion: Rate, qualityControl: Rate, earnedDrops: Int64,
                earnings: [Earning], timeInState: [StateTime], tasks: [TaskLine], audit: [AuditLine], rewardReconciliation: [RewardDay] = []) {
        self.rewardReconciliation = rewardReconciliation
        self.generatedAt = generatedAt
        self.tasksByState = tasksByState
        self.acceptance = acceptance
        self.completion = completion
        self.qualityControl = qualityControl
        self.earnedDrops = earnedDrops
        self.earnings = earnings
        self.timeInState = timeInState
        self.tasks = tasks
        self.audit = audit
    }
}

import struct Foundation.Date
import PFBotCore

/// The figures behind the dashboard and `pfbot report`, aggregated by the database in a few queries whatever the
/// number of tasks.
public struct AnalyticsFigures: Sendable, Equatable {
    /// Time spent in one state: spans that ended, plus those still open (counted up to the report's time).
    public struct StateTime: Sendable, Equatable {
        public var spans: Int
        public var totalHours: Double

        public init(spans: Int, totalHours: Double) {
            self.spans = spans
            self.totalHours = totalHours
        }
    }

    /// PFT earned on one day (UTC).
    public struct DayEarning: Sendable, Equatable {
        /// `yyyy-MM-dd`.
        public var day: String
        public var drops: Int64
        /// Tasks rewarded that day.
        public var tasks: Int

        public init(day: String, drops: Int64, tasks: Int) {
            self.day = day
            self.drops = drops
            self.tasks = tasks
        }
    }

    public var tasksByState: [TaskState: Int]
    /// Of the tasks in `rewarded`, those rewarded with 0 PFT (the reviewer rejected the work).
    public var rewardedWithoutPFT: Int
    /// Tasks that reached `accepted`.
    public var accepted: Int
    /// Tasks refused, or expired while still proposed (never accepted).
    public var declined: Int
    /// Accepted tasks that reached an end.
    public var endedAfterAcceptance: Int
    /// Rewards above 0 PFT by the day they were paid.
    public var earnings: [DayEarning]
    public var qualityControlPassed: Int
    public var qualityControlRuns: Int
    public var timeInState: [TaskState: StateTime]

    public init(tasksByState: [TaskState: Int], accepted: Int, declined: Int, endedAfterAcceptance: Int, earnings: [DayEarning],
                qualityControlPassed: Int, qualityControlRuns: Int, timeInState: [TaskState: StateTime], rewardedWithoutPFT: Int = 0) {
        self.tasksByState = tasksByState
        self.rewardedWithoutPFT = rewardedWithoutPFT
        self.accepted = accepted
        self.declined = declined
        self.endedAfterAcceptance = endedAfterAcceptance
        self.earnings = earnings
        self.qualityControlPassed = qualityControlPassed
        self.qualityControlRuns = qualityControlRuns
        self.timeInState = timeInState
    }
}

import struct Foundation.Date
import PFBotCore

/// One task as reports list it: the record, its stored analysis and its milestones.
public struct TaskReportLine: Sendable, Equatable {
    public var record: TaskRecord
    /// `nil` when the task was never analysed (reports analyse it then).
    public var analysis: TaskAnalysisRecord?
    public var acceptedAt: Date?
    public var submittedAt: Date?
    public var rewardedAt: Date?

    public init(record: TaskRecord, analysis: TaskAnalysisRecord?, acceptedAt: Date?, submittedAt: Date?, rewardedAt: Date?) {
        self.record = record
        self.analysis = analysis
        self.acceptedAt = acceptedAt
        self.submittedAt = submittedAt
        self.rewardedAt = rewardedAt
    }
}

import struct Foundation.Date
import PFBotCore

/// A task's stored analysis: the figures reports aggregate, and the whole analysis as JSON, with the digest of
/// the inputs it was computed from (recomputed only when they change).
public struct TaskAnalysisRecord: Sendable, Equatable {
    public var task: TaskID
    /// Digest of the task text, reward and calibration the analysis was computed from.
    public var inputDigest: String
    public var category: String
    public var complexity: Int
    public var estimatedHours: Double
    public var returnOnInvestment: Double
    /// The analysis as JSON (requirements, signals, reasons).
    public var detail: String
    public var updatedAt: Date

    public init(task: TaskID, inputDigest: String, category: String, complexity: Int, estimatedHours: Double, returnOnInvestment: Double,
                detail: String, updatedAt: Date) {
        self.task = task
        self.inputDigest = inputDigest
        self.category = category
        self.complexity = complexity
        self.estimatedHours = estimatedHours
        self.returnOnInvestment = returnOnInvestment
        self.detail = detail
        self.updatedAt = updatedAt
    }
}

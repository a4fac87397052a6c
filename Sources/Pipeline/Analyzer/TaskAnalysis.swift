import PFBotCore

/// What pfbot makes of a task: its checklist, category, effort and return, each with its reasons.
public struct TaskAnalysis: Sendable, Equatable, Codable {
    /// The numbered requirement checklist.
    public var requirements: [Requirement]
    /// The kind of work.
    public var category: Category
    /// The signals that chose the category.
    public var categorySignals: [String]
    /// Complexity from 1 to 10.
    public var complexity: Int
    /// Estimated hours and why.
    public var estimate: HourEstimate
    /// Expected PFT per hour.
    public var returnOnInvestment: Double

    /// Creates the analysis from its parts.
    public init(requirements: [Requirement], category: Category, categorySignals: [String], complexity: Int, estimate: HourEstimate, returnOnInvestment: Double) {
        self.requirements = requirements
        self.category = category
        self.categorySignals = categorySignals
        self.complexity = complexity
        self.estimate = estimate
        self.returnOnInvestment = returnOnInvestment
    }
}

import struct Foundation.Date
import PFBotCore

/// A quality-control verdict on one head commit of a task's branch, with each rule's result.
public struct QualityVerdictRecord: Sendable, Equatable {
    /// One rule's outcome.
    public struct RuleResult: Sendable, Equatable, Codable {
        /// The rule's id (`deliverables`, `placeholders` …).
        public var rule: String
        public var passed: Bool
        /// How many problems it found.
        public var problems: Int

        public init(rule: String, passed: Bool, problems: Int) {
            self.rule = rule
            self.passed = passed
            self.problems = problems
        }
    }

    public var task: TaskID
    public var head: String
    /// `success` or `failure`, as the check run's conclusion.
    public var conclusion: String
    /// The check run's title.
    public var title: String
    public var rules: [RuleResult]
    public var at: Date

    public init(task: TaskID, head: String, conclusion: String, title: String, rules: [RuleResult], at: Date) {
        self.task = task
        self.head = head
        self.conclusion = conclusion
        self.title = title
        self.rules = rules
        self.at = at
    }
}

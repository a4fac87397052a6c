import Foundation
import PFBotCore

/// One rule's verdict.
public struct QCRuleResult: Sendable, Equatable, Codable {
    /// The rule's name, as the summary table shows it.
    public var rule: String
    /// Whether the rule passed.
    public var passed: Bool
    /// One line for the summary table.
    public var summary: String
    /// Where the rule found problems.
    public var annotations: [QCAnnotation]

    /// Creates a verdict from its parts.
    public init(rule: String, passed: Bool, summary: String, annotations: [QCAnnotation] = []) {
        self.rule = rule
        self.passed = passed
        self.summary = summary
        self.annotations = annotations
    }
}

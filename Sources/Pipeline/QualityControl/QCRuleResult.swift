import Foundation
import PFBotCore

/// One rule's verdict.
public struct QCRuleResult: Sendable, Equatable, Codable {
    public var rule: String
    public var passed: Bool
    /// One line for the summary table.
    public var summary: String
    public var annotations: [QCAnnotation]

    public init(rule: String, passed: Bool, summary: String, annotations: [QCAnnotation] = []) {
        self.rule = rule
        self.passed = passed
        self.summary = summary
        self.annotations = annotations
    }
}

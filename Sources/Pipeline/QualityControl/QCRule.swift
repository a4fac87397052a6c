import Foundation
import PFBotCore

/// A quality-control rule.
public protocol QCRule: Sendable {
    /// The rule's name in configuration (`qc.rules`) and reports.
    var name: String { get }
    /// Judges the branch.
    func evaluate(_ input: QCInput) -> QCRuleResult
}

/// Line numbers (1-based) of lines satisfying `predicate`; rules use them for annotations.
func lineNumbers(in text: String, where predicate: (Substring) -> Bool) -> [Int] {
    text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { predicate($0.element) ? $0.offset + 1 : nil }
}

import Foundation
import PFBotCore

/// What quality control looks at: the task, its analysis, and the branch head's files.
public struct QCInput: Sendable {
    public var task: Task
    public var analysis: TaskAnalysis
    /// The task's folder on the branch (`tasks/<slug>`).
    public var folder: String
    /// Files at the head commit (path → bytes). Only files below ``folder`` and changed files are needed.
    public var files: [String: Data]
    /// Paths the branch changes against its base.
    public var changedPaths: [String]
    /// Files the templates produced (full paths); each must still exist and hold content.
    public var templatePaths: [String]
    /// Rules and limits from the configuration.
    public var rules: QualityRules

    public init(task: Task, analysis: TaskAnalysis, folder: String, files: [String: Data], changedPaths: [String], templatePaths: [String], rules: QualityRules) {
        self.task = task
        self.analysis = analysis
        self.folder = folder
        self.files = files
        self.changedPaths = changedPaths
        self.templatePaths = templatePaths
        self.rules = rules
    }

    /// Files below the task folder, sorted by path.
    var taskFiles: [(path: String, data: Data)] {
        files.filter { $0.key.hasPrefix(folder + "/") }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// Text files below the task folder (UTF-8 without NUL bytes).
    var taskTextFiles: [(path: String, text: String)] {
        taskFiles.compactMap { file in
            guard !file.data.contains(0), let text = String(data: file.data, encoding: .utf8) else { return nil }
            return (file.path, text)
        }
    }
}

/// Where a rule found a problem, shown as a check-run annotation.
public struct QCAnnotation: Sendable, Equatable, Codable {
    public enum Level: String, Sendable, Codable { case notice, warning, failure }
    public var path: String
    public var line: Int
    public var level: Level
    public var message: String

    public init(path: String, line: Int, level: Level, message: String) {
        self.path = path
        self.line = line
        self.level = level
        self.message = message
    }
}

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

/// A quality-control rule.
public protocol QCRule: Sendable {
    /// The rule's name in configuration (`qc.rules`) and reports.
    var name: String { get }
    /// Judges the branch.
    func evaluate(_ input: QCInput) -> QCRuleResult
}

/// Line numbers (1-based) of lines satisfying `predicate`.
func lineNumbers(in text: String, where predicate: (Substring) -> Bool) -> [Int] {
    text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { predicate($0.element) ? $0.offset + 1 : nil }
}

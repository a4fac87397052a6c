import Foundation
import PFBotCore

/// What quality control looks at: the task, its analysis, and the branch head's files.
public struct QCInput: Sendable {
    /// The task being judged.
    public var task: PostFiatTask
    /// Its analysis, whose requirements the rules check.
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

    /// Creates the input from its parts.
    public init(task: PostFiatTask, analysis: TaskAnalysis, folder: String, files: [String: Data], changedPaths: [String], templatePaths: [String], rules: QualityRules) {
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

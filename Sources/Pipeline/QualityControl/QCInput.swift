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
    /// Files at the head commit that were read (path → bytes): files below ``folder`` and changed files, within the read budget.
    public var files: [String: Data]
    /// Sizes from the tree of files QC looks at, including those it did not read.
    public var treeSizes: [String: Int]
    /// Paths the branch changes against its base.
    public var changedPaths: [String]
    /// Files the templates produced (full paths); each must still exist and hold content.
    public var templatePaths: [String]
    /// Rules and limits from the configuration.
    public var rules: QualityRules
    /// The checks the task's template pack adds; they run whatever `qc.rules` says.
    public var packRules: [any QCRule]

    /// Creates the input from its parts; `sizes` adds the tree sizes of files that were not read.
    public init(task: PostFiatTask, analysis: TaskAnalysis, folder: String, files: [String: Data], sizes: [String: Int]? = nil, changedPaths: [String],
                templatePaths: [String], rules: QualityRules, packRules: [any QCRule] = []) {
        self.task = task
        self.analysis = analysis
        self.folder = folder
        self.files = files
        self.treeSizes = sizes ?? [:]
        self.changedPaths = changedPaths
        self.templatePaths = templatePaths
        self.rules = rules
        self.packRules = packRules
    }

    /// The size of every file QC looks at: the bytes read, else the size from the tree.
    public var sizes: [String: Int] {
        treeSizes.merging(files.mapValues(\.count)) { _, read in read }
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

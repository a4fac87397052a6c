import Foundation
import Markdown
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
    /// Every file path in the head commit's tree, when the caller listed it.
    public var tree: Set<String>?
    /// Paths the branch changes against its base.
    public var changedPaths: [String]
    /// Files the templates produced (full paths); each must still exist and hold content.
    public var templatePaths: [String]
    /// Rules and limits from the configuration.
    public var rules: QualityRules
    /// The checks the task's template pack adds; they run whatever `qc.rules` says.
    public var packRules: [any QCRule]

    /// Parsed Markdown of ``files``, each parsed once however many rules read it.
    let markdownCache = MarkdownCache()

    /// Creates the input from its parts; `sizes` adds the tree sizes of files that were not read, and `tree` lists
    /// every path of the head's tree (without it, the paths of `files` and `sizes`).
    public init(task: PostFiatTask, analysis: TaskAnalysis, folder: String, files: [String: Data], sizes: [String: Int]? = nil, tree: [String]? = nil,
                changedPaths: [String], templatePaths: [String], rules: QualityRules, packRules: [any QCRule] = []) {
        self.task = task
        self.analysis = analysis
        self.folder = folder
        self.files = files
        self.treeSizes = sizes ?? [:]
        self.tree = tree.map(Set.init)
        self.changedPaths = changedPaths
        self.templatePaths = templatePaths
        self.rules = rules
        self.packRules = packRules
    }

    /// The size of every file QC looks at: the bytes read, else the size from the tree.
    public var sizes: [String: Int] {
        treeSizes.merging(files.mapValues(\.count)) { _, read in read }
    }

    /// The paths relative links may point at: the head's whole tree, else the files QC knows of.
    var treePaths: Set<String> {
        tree ?? Set(files.keys).union(treeSizes.keys)
    }

    /// Files below the task folder, sorted by path.
    var taskFiles: [(path: String, data: Data)] {
        files.filter { $0.key.hasPrefix(folder + "/") }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// Text files below the task folder (UTF-8 without NUL bytes).
    var taskTextFiles: [(path: String, text: String)] {
        taskFiles.compactMap { file in Self.text(of: file.data).map { (file.path, $0) } }
    }

    /// Markdown files below the task folder, parsed, sorted by path.
    var taskMarkdownFiles: [(path: String, document: MarkdownDocument)] {
        taskFiles.compactMap { file in markdown(file.path).map { (file.path, $0) } }
    }

    /// The parsed Markdown of a file that was read, or `nil` when it is not a Markdown text file or was not read.
    func markdown(_ path: String) -> MarkdownDocument? {
        guard Self.isMarkdown(path), let data = files[path], let text = Self.text(of: data) else { return nil }
        return markdownCache.document(path, data: data, text: text)
    }

    /// Whether a path names a Markdown file (`.md`, `.markdown`).
    static func isMarkdown(_ path: String) -> Bool {
        ["md", "markdown"].contains((path as NSString).pathExtension.lowercased())
    }

    private static func text(of data: Data) -> String? {
        guard !data.contains(0) else { return nil }
        return String(data: data, encoding: .utf8)
    }
}

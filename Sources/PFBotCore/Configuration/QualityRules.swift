

/// Quality-control rules; every rule can be switched off and most have a limit.
public struct QualityRules: Sendable, Equatable {
    /// Rules that run, by name (`deliverables`, `checklist`, `placeholders`, `markdown`, `links`, `size`, `evidence`).
    public var enabledRules: [String]
    /// Largest file on a task branch, in bytes.
    public var maxFileBytes: Int
    /// Largest total of changed files, in bytes.
    public var maxTotalBytes: Int
    /// Most bytes one QC run reads from the branch; files past it are judged by their size alone.
    public var readBudgetBytes: Int
    /// Largest file one QC run reads; larger files are judged by their size alone.
    public var readFileBytes: Int

    public init(enabledRules: [String], maxFileBytes: Int, maxTotalBytes: Int, readBudgetBytes: Int = 67_108_864, readFileBytes: Int = 4_194_304) {
        self.enabledRules = enabledRules
        self.maxFileBytes = maxFileBytes
        self.maxTotalBytes = maxTotalBytes
        self.readBudgetBytes = readBudgetBytes
        self.readFileBytes = readFileBytes
    }

    /// Every QC rule pfbot knows.
    public static let allRules = ["deliverables", "checklist", "placeholders", "markdown", "links", "size", "evidence"]
}

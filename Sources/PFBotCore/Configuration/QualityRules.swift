

/// Quality-control rules; every rule can be switched off and most have a limit.
public struct QualityRules: Sendable, Equatable {
    /// Rules that run, by name (`deliverables`, `checklist`, `placeholders`, `markdown`, `links`, `size`, `evidence`).
    public var enabledRules: [String]
    /// Largest file on a task branch, in bytes.
    public var maxFileBytes: Int
    /// Largest total of changed files, in bytes.
    public var maxTotalBytes: Int

    public init(enabledRules: [String], maxFileBytes: Int, maxTotalBytes: Int) {
        self.enabledRules = enabledRules
        self.maxFileBytes = maxFileBytes
        self.maxTotalBytes = maxTotalBytes
    }

    /// Every QC rule pfbot knows.
    public static let allRules = ["deliverables", "checklist", "placeholders", "markdown", "links", "size", "evidence"]
}

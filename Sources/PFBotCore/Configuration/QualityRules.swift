

/// Quality-control rules; every rule can be switched off and most have a limit.
public struct QualityRules: Sendable, Equatable {
    /// Rules that run, by name (`deliverables`, `checklist`, `placeholders`, `markdown`, `links`, `size`, `evidence`, `tests`).
    public var enabledRules: [String]
    /// Largest file on a task branch, in bytes.
    public var maxFileBytes: Int
    /// Largest total of changed files, in bytes.
    public var maxTotalBytes: Int
    /// Most bytes one QC run reads from the branch; files past it are judged by their size alone.
    public var readBudgetBytes: Int
    /// Largest file one QC run reads; larger files are judged by their size alone.
    public var readFileBytes: Int
    /// The command the `tests` rule runs (`qc.test_command`); `nil` uses the detected toolchain's test command.
    public var testCommand: String?
    /// Seconds the test command may run before its process group is killed and the `tests` rule fails.
    public var testTimeoutSeconds: Int
    /// Where the test command writes JUnit XML (a path or glob relative to the repository root), for annotations.
    public var junitPath: String?

    /// Creates the rules from their parts.
    public init(enabledRules: [String], maxFileBytes: Int, maxTotalBytes: Int, readBudgetBytes: Int = 67_108_864, readFileBytes: Int = 4_194_304,
                testCommand: String? = nil, testTimeoutSeconds: Int = 1800, junitPath: String? = nil) {
        self.enabledRules = enabledRules
        self.maxFileBytes = maxFileBytes
        self.maxTotalBytes = maxTotalBytes
        self.readBudgetBytes = readBudgetBytes
        self.readFileBytes = readFileBytes
        self.testCommand = testCommand
        self.testTimeoutSeconds = testTimeoutSeconds
        self.junitPath = junitPath
    }

    /// Every QC rule pfbot knows.
    public static let allRules = ["deliverables", "checklist", "placeholders", "markdown", "links", "size", "evidence", "tests"]
}

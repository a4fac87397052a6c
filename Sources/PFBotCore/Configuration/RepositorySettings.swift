/// Settings a repository may override in its own `.github/pfbot.yml` (read from the default branch).
public struct RepositorySettings: Sendable, Equatable {
    /// Who may run each `/pf` command: the least GitHub permission needed, by verb.
    public var commandPermissions: [String: RepositoryPermission]
    /// Whether a merge submits only after an approving review bound to the head SHA.
    public var requireApproval: Bool
    /// Quality-control rules.
    public var qc: QualityRules
    /// GitHub logins to mention, in addition to the global assignees.
    public var assignees: [String]

    public init(commandPermissions: [String: RepositoryPermission], requireApproval: Bool, qc: QualityRules, assignees: [String]) {
        self.commandPermissions = commandPermissions
        self.requireApproval = requireApproval
        self.qc = qc
        self.assignees = assignees
    }

    /// The permission needed for `verb`: its own setting, else the verb's default.
    public func permission(for verb: String) -> RepositoryPermission {
        commandPermissions[verb] ?? CommandRegistry.verb(named: verb)?.defaultPermission ?? .write
    }
}

/// GitHub's repository permission levels, weakest first.
public enum RepositoryPermission: String, Sendable, Equatable, Comparable, CaseIterable {
    case none, read, triage, write, maintain, admin

    private var rank: Int { RepositoryPermission.allCases.firstIndex(of: self) ?? 0 }

    public static func < (lhs: RepositoryPermission, rhs: RepositoryPermission) -> Bool { lhs.rank < rhs.rank }
}

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

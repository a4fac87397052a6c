

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

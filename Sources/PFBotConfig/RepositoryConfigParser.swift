import PFBotCore

/// Reads a repository's own `.github/pfbot.yml` (taken from its default branch) on top of the defaults.
public enum RepositoryConfigParser {
    /// Parses the repository file. Keys it leaves out keep the values of `defaults`.
    /// - Parameters:
    ///   - yaml: the file's text.
    ///   - defaults: the settings from `pfbot.yml`'s `repository:` section.
    /// - Throws: ``ConfigurationError`` naming each bad key as `.github/pfbot.yml: key`.
    public static func parse(yaml: String, defaults: RepositorySettings) throws(ConfigurationError) -> RepositorySettings {
        let keys = ConfigSchema.repositoryKeys
        let raw = RawSettings(yaml: yaml, fileName: ".github/pfbot.yml", keys: keys)
        var typed = TypedSettings(raw: raw, keys: keys, pathPrefix: ".github/pfbot.yml: ")
        var parsed = RepositorySettingsBuilder.build(&typed, prefix: "")
        let problems = raw.problems + typed.problems
        guard problems.isEmpty else { throw ConfigurationError(problems: problems) }
        parsed.commandPermissions = defaults.commandPermissions.merging(
            parsed.commandPermissions.filter { typed.isSet("commands." + $0.key) }
        ) { _, repository in repository }
        if !typed.isSet("require_approval") { parsed.requireApproval = defaults.requireApproval }
        if !typed.isSet("assignees") { parsed.assignees = defaults.assignees }
        if !typed.isSet("qc.rules") { parsed.qc.enabledRules = defaults.qc.enabledRules }
        if !typed.isSet("qc.max_file_bytes") { parsed.qc.maxFileBytes = defaults.qc.maxFileBytes }
        if !typed.isSet("qc.max_total_bytes") { parsed.qc.maxTotalBytes = defaults.qc.maxTotalBytes }
        if !typed.isSet("qc.read_budget_bytes") { parsed.qc.readBudgetBytes = defaults.qc.readBudgetBytes }
        if !typed.isSet("qc.read_file_bytes") { parsed.qc.readFileBytes = defaults.qc.readFileBytes }
        if !typed.isSet("qc.test_command") { parsed.qc.testCommand = defaults.qc.testCommand }
        if !typed.isSet("qc.test_timeout_seconds") { parsed.qc.testTimeoutSeconds = defaults.qc.testTimeoutSeconds }
        if !typed.isSet("qc.junit_path") { parsed.qc.junitPath = defaults.qc.junitPath }
        return parsed
    }
}

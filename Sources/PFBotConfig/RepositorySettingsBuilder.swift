import Foundation
import PFBotCore

/// Builds ``RepositorySettings`` from the repository keys, found at the top of `.github/pfbot.yml`
/// or under `repository.` in `pfbot.yml`.
enum RepositorySettingsBuilder {
    static func build(_ settings: inout TypedSettings, prefix: String) -> RepositorySettings {
        var permissions: [String: RepositoryPermission] = [:]
        for verb in ConfigSchema.commandVerbs {
            if let name = settings.choice(prefix + "commands." + verb), let permission = RepositoryPermission(rawValue: name) {
                permissions[verb] = permission
            }
        }
        let rules = settings.list(prefix + "qc.rules")
        for rule in rules where !QualityRules.allRules.contains(rule) {
            settings.fail(prefix + "qc.rules", "unknown rule \(rule.debugDescription); known rules: \(QualityRules.allRules.joined(separator: ", ")).")
        }
        let qc = QualityRules(
            enabledRules: rules.filter(QualityRules.allRules.contains),
            maxFileBytes: settings.integer(prefix + "qc.max_file_bytes") ?? 1_048_576,
            maxTotalBytes: settings.integer(prefix + "qc.max_total_bytes") ?? 10_485_760,
            readBudgetBytes: settings.integer(prefix + "qc.read_budget_bytes") ?? 67_108_864,
            readFileBytes: settings.integer(prefix + "qc.read_file_bytes") ?? 4_194_304,
            testCommand: settings.string(prefix + "qc.test_command").flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 },
            testTimeoutSeconds: settings.integer(prefix + "qc.test_timeout_seconds") ?? 1800,
            junitPath: settings.string(prefix + "qc.junit_path").flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        )
        return RepositorySettings(
            commandPermissions: permissions,
            requireApproval: settings.boolean(prefix + "require_approval") ?? false,
            qc: qc,
            assignees: settings.list(prefix + "assignees")
        )
    }
}

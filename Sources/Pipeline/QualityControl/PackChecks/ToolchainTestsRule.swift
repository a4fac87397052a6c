/// A pack check: the repository's test command. It runs inside GitHub Actions, never on the pfbot server, so here
/// it passes and says where it runs.
struct ToolchainTestsRule: QCRule {
    let name = "pack:toolchain-tests"
    /// The test command.
    let command: String

    func evaluate(_ input: QCInput) -> QCRuleResult {
        let shown = command.isEmpty ? "the repository's test command" : "`\(command)`"
        return QCRuleResult(rule: name, passed: true, summary: "\(shown) runs in GitHub Actions (pfbot action), not on the pfbot server")
    }
}

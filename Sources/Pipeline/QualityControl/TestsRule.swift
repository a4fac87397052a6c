import Foundation
import PFBotCore

/// The `tests` rule: the repository's test command. It runs only in GitHub Actions (``TestsRun``, with a
/// ``StepHost``); on the pfbot server the rule passes and says where the tests run, so the server never executes
/// code from a task branch. A template pack turns it on with the `toolchain-tests` check, the configuration with
/// `tests` in `qc.rules` or with `qc.test_command`.
struct TestsRule: QCRule {
    let name = "tests"
    /// The command; empty when none was configured, declared or detected.
    let command: String

    func evaluate(_ input: QCInput) -> QCRuleResult {
        let shown = command.isEmpty ? "the repository's test command" : "`\(command)`"
        return QCRuleResult(rule: name, passed: true, summary: "\(shown) runs in GitHub Actions (pfbot action), not on the pfbot server")
    }

    /// The rule a QC run applies, or `nil` when nothing turns it on. The command is `qc.test_command`, else the one
    /// the pack declares, else the test command of the toolchain detected at the root of `tree`.
    static func resolve(_ rules: QualityRules, declared: TestsRule?, tree: [String]) -> TestsRule? {
        guard rules.enabledRules.contains("tests") || rules.testCommand != nil || declared != nil else { return nil }
        let detected = Toolchain.detect(paths: tree, stem: "task")?.testCommand
        let command = rules.testCommand ?? declared.flatMap { $0.command.isEmpty ? nil : $0.command } ?? detected ?? ""
        return TestsRule(command: command)
    }
}

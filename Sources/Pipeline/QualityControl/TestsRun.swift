import Foundation
import Git
import PFBotCore

/// Runs the `tests` rule: in GitHub Actions (with a ``StepHost``) the test command runs on the judged commit,
/// written out to the runner's temporary folder, and its exit status is the verdict; JUnit XML it writes at
/// `qc.junit_path` turns failing test cases into annotations. Without a step host (the server) the rule passes and
/// says where the tests run.
struct TestsRun {
    let context: PipelineContext

    /// The rule's verdict on `head`.
    /// - Parameters:
    ///   - rule: the resolved rule, with its command.
    ///   - input: the QC input (the task folder, the tree, the settings).
    ///   - head: the commit judged.
    ///   - tree: the listing of `head`.
    ///   - handle: the mirror holding `head`.
    ///   - origin: the QC job, planned again with the results when the tests run in the separate steps job.
    /// - Returns: the verdict, or `nil` when the command was planned for the steps job.
    func result(_ rule: TestsRule, input: QCInput, head: String, tree: [TreeEntry], handle: MirrorHandle,
                origin: QualityControlJob) async throws -> QCRuleResult? {
        guard let host = context.stepHost else { return rule.evaluate(input) }
        let anchor = input.taskFiles.first?.path ?? tree.first?.path ?? "README.md"
        guard !rule.command.isEmpty else {
            return QCRuleResult(rule: rule.name, passed: false, summary: "no test command: none is configured and no toolchain was detected",
                                annotations: [QCAnnotation(path: anchor, line: 1, level: .failure, message:
                                    "Set qc.test_command in .github/pfbot.yml (e.g. `make test`), or remove `tests` from qc.rules.")])
        }
        let request = StepRequest(head: head, commands: [.init(name: rule.name, run: rule.command, timeoutSeconds: input.rules.testTimeoutSeconds)],
                                  collect: [], collectPattern: input.rules.junitPath, origin: .qualityControl(origin))
        let hosted = try await host.perform(request) {
            try await CommitExport.write(tree, of: head, handle: handle, git: context.git.workspace, below: host.scratch)
        }
        guard case .ran(let outcomes, let folder, let finish) = hosted, let outcome = outcomes.first else { return nil }
        defer { finish() }
        let seconds = Int(outcome.duration.components.seconds)
        if outcome.succeeded {
            return QCRuleResult(rule: rule.name, passed: true, summary: "`\(rule.command)` passed in \(seconds) s")
        }
        var annotations = junitFailures(in: folder, pattern: input.rules.junitPath, anchor: anchor)
        let last = outcome.lastLines(1).first.map { ": \(InertText.singleLine($0, limit: 200))" } ?? ""
        let why = switch outcome.status {
        case .notRun: "was not run: the steps job left no result (see its log)"
        case .timedOut: "timed out after \(input.rules.testTimeoutSeconds) s (qc.test_timeout_seconds)"
        case .exited, .signalled: "failed (\(outcome.statusText))"
        }
        annotations.append(QCAnnotation(path: anchor, line: 1, level: .failure, message:
            "`\(rule.command)` \(why). Last lines of its output:\n" + outcome.lastLines(40).joined(separator: "\n")))
        return QCRuleResult(rule: rule.name, passed: false, summary: "`\(rule.command)` \(why)\(last)", annotations: annotations)
    }

    /// Annotations for the failing test cases in the JUnit files matching `pattern` below `directory` (at most 20 files).
    private func junitFailures(in directory: URL, pattern: String?, anchor: String) -> [QCAnnotation] {
        guard let pattern else { return [] }
        var annotations: [QCAnnotation] = []
        for (_, data) in StepOutputs.matching(pattern, in: directory, maximumBytes: JUnitReport.maximumBytes) {
            guard let report = JUnitReport(data) else { continue }
            for failure in report.failures.prefix(50) {
                let path = failure.file.flatMap { repositoryPath($0, exportedAt: directory) } ?? anchor
                annotations.append(QCAnnotation(path: path, line: max(1, failure.line ?? 1), level: .failure,
                                                message: "\(failure.test) failed: \(failure.message)"))
            }
        }
        return annotations
    }

    /// A test file's path relative to the repository root (JUnit writers give it relative, or absolute in the export);
    /// `nil` when it points outside the repository.
    private func repositoryPath(_ file: String, exportedAt directory: URL) -> String? {
        let prefix = directory.standardizedFileURL.path + "/"
        let relative = file.hasPrefix(prefix) ? String(file.dropFirst(prefix.count)) : file
        let parts = relative.split(separator: "/").filter { $0 != "." }
        guard !relative.hasPrefix("/"), !parts.isEmpty, !parts.contains("..") else { return nil }
        return parts.joined(separator: "/")
    }
}

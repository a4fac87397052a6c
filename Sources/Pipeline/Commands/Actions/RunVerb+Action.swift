import PFBotCore

extension RunVerb: CommandAction {
    func perform(_ invocation: CommandInvocation) async throws -> String {
        let context = invocation.context
        let record = try invocation.task
        guard context.stepHost != nil else {
            return "Steps run in GitHub Actions, never on the pfbot server: the pfbot workflow (`pfbot action`) runs them on each push to the task branch, "
                + "and runs `/pf run` when the workflow handles `issue_comment` events. Their results appear as the check run \"\(StepsCheckPublisher.checkName)\"."
        }
        guard let pull = try await context.pullRequest(of: record) else { return "There is no pull request for this task yet; run `/pf start`." }
        let handle = try await context.git.freshMirror()
        let analysis = try await context.analyses.analysis(of: record)
        let pack = try await TaskPackResolver(context: context).resolve(record.task, analysis: analysis, handle: handle, ref: try await context.defaultBranch())
        let names = pack.steps.map(\.name)
        guard !names.isEmpty else { return "The task's template pack `\(pack.choice.pack.name)` has no steps." }
        if let step, !names.contains(step) {
            let shown = InertText.singleLine(step, limit: 60).replacingOccurrences(of: "`", with: "'")
            return "The pack `\(pack.choice.pack.name)` has no step `\(shown)`; its steps: \(names.map { "`\($0)`" }.joined(separator: ", "))."
        }
        try await context.jobs.enqueue(.runSteps(StepsJob(task: record.task.id, head: pull.head.sha, step: step, requested: true)))
        return "Running \(step.map { "the step `\($0)`" } ?? "the steps") on `\(pull.head.sha.prefix(12))`; see the check run \"\(StepsCheckPublisher.checkName)\"."
    }
}

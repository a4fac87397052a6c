import PFBotCore

extension QualityControlVerb: CommandAction {
    func perform(_ invocation: CommandInvocation) async throws -> String {
        let record = try invocation.task
        guard let pull = try await invocation.context.pullRequest(of: record) else { return "There is no pull request for this task yet; run `/pf start`." }
        try await invocation.context.jobs.enqueue(.qualityControl(QualityControlJob(task: record.task.id, head: pull.head.sha, requested: true)))
        return "Running QC on `\(pull.head.sha.prefix(12))`."
    }
}

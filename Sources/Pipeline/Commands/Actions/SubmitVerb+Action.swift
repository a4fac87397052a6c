import PFBotCore

extension SubmitVerb: CommandAction {
    func perform(_ invocation: CommandInvocation) async throws -> String {
        let record = try invocation.task
        guard let pull = try await invocation.context.pullRequest(of: record) else { return "There is no pull request for this task yet; run `/pf start`." }
        try await invocation.context.jobs.enqueue(.submit(SubmissionJob(task: record.task.id, commit: pull.head.sha, head: pull.head.sha, pull: pull.number)))
        return "Submitting the pull request's head `\(pull.head.sha.prefix(12))` (QC must have passed on it)."
    }
}

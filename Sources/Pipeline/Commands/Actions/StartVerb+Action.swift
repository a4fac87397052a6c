import PFBotCore

extension StartVerb: CommandAction {
    func perform(_ invocation: CommandInvocation) async throws -> String {
        let context = invocation.context
        try await context.jobs.enqueue(.startWork(StartWorkJob(task: try invocation.task.task.id, occasion: .requested(at: context.now()))))
        return "Creating (or refreshing) the branch and the draft pull request."
    }
}

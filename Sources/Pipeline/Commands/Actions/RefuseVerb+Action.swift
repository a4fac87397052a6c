import PFBotCore

extension RefuseVerb: CommandAction {
    func perform(_ invocation: CommandInvocation) async throws -> String {
        try await TaskActions(context: invocation.context).end(try invocation.task.task.id, refuse: true, reason: reason, actor: "github:\(invocation.login)",
                                                                cause: invocation.cause, seen: invocation.seenIssue(of: try invocation.task))
        return "Refused on the Task Node."
    }
}

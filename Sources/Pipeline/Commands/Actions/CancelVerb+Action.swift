import PFBotCore

extension CancelVerb: CommandAction {
    func perform(_ invocation: CommandInvocation) async throws -> String {
        let login = invocation.login
        try await TaskActions(context: invocation.context).end(try invocation.task.task.id, refuse: false,
                                                               reason: reason ?? "Cancelled by @\(login) through pfbot", actor: "github:\(login)",
                                                               cause: invocation.cause, seen: invocation.seenIssue(of: try invocation.task))
        return "Cancelled on the Task Node."
    }
}

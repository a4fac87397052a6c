import PFBotCore

extension AcceptVerb: CommandAction {
    func perform(_ invocation: CommandInvocation) async throws -> String {
        let login = invocation.login
        try await TaskActions(context: invocation.context).accept(try invocation.task.task.id, reason: reason ?? "Accepted by @\(login) through pfbot",
                                                                  actor: "github:\(login)", cause: invocation.cause)
        return "✅ Accepted on the Task Node. The branch, templates and draft pull request follow shortly."
    }
}

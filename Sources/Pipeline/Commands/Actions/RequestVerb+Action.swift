import PFBotCore
import PostFiat

extension RequestVerb: CommandAction {
    func perform(_ invocation: CommandInvocation) async throws -> String {
        let context = invocation.context
        let receipt = try await finalOrRetry { try await context.taskSink.requestTask(kind: .personal, text: text, key: invocation.key) }
        try await context.audit("github:\(invocation.login)", "task.request", receipt.requestID, text, cause: invocation.cause,
                                event: receipt.requestID)
        return "Requested a new task from the Task Node (request `\(receipt.requestID)`); its proposal will appear as a new issue."
    }
}

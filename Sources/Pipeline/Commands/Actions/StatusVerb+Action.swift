import PFBotCore

extension StatusVerb: CommandAction {
    func perform(_ invocation: CommandInvocation) async throws -> String {
        try await StatusReport(context: invocation.context).describe(try invocation.task)
    }
}

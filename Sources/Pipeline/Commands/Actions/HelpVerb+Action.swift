import PFBotCore

extension HelpVerb: CommandAction {
    func perform(_ invocation: CommandInvocation) async throws -> String {
        CommandCatalog.help(permissions: try await invocation.context.repositorySettings())
    }
}

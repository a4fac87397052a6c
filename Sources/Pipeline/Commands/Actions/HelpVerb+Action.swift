import PFBotCore

extension HelpVerb: CommandAction {
    func perform(_ invocation: CommandInvocation) async throws -> String {
        CommandCatalog.help(permissions: invocation.context.configuration.repository)
    }
}

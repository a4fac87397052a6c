import PFBotCore
import Storage

/// What a `/pf` verb does when it runs: each verb type adds this in its own file under `Actions/`.
protocol CommandAction: CommandVerb {
    /// Runs the command (permission and state guards have passed).
    /// - Returns: the reply line.
    func perform(_ invocation: CommandInvocation) async throws -> String
}

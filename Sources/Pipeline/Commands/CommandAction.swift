import PFBotCore
import Storage

/// What a `/pf` verb does when it runs: each verb type adds this in its own file under `Actions/`.
protocol CommandAction: CommandVerb {
    /// Runs the command (permission and state guards have passed).
    /// - Returns: the reply line.
    func perform(_ invocation: CommandInvocation) async throws -> String
}

/// One command being run: who asked, on which task, with the pipeline's context.
struct CommandInvocation {
    let context: PipelineContext
    /// The commenter's login.
    let login: String
    /// The task of the issue; present for every verb that ``CommandVerb/needsTask``.
    let record: TaskRecord?

    /// The task, for verbs that need one (the dispatcher refuses them on issues without a task).
    var task: TaskRecord {
        get throws {
            guard let record else { throw CommandWithoutTask() }
            return record
        }
    }
}

/// A verb that needs a task reached its action without one: a dispatcher mistake, never retried.
struct CommandWithoutTask: PermanentJobFailure, CustomStringConvertible {
    var description: String { "a /pf command that needs a task ran on an issue without one; this is a bug in pfbot" }
}

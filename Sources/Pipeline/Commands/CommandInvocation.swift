import PFBotCore
import Storage

/// One command being run: who asked, on which task, with the pipeline's context.
struct CommandInvocation {
    let context: PipelineContext
    /// The commenter's login.
    let login: String
    /// The task of the issue; present for every verb that ``CommandVerb/needsTask``.
    let record: TaskRecord?
    /// Names this command line (comment id and line) for writes that must happen once however often it is run.
    let key: String
    /// The comment holding the command (its URL), recorded with every audit entry the command causes.
    let cause: String

    /// The task, for verbs that need one (the dispatcher refuses them on issues without a task).
    var task: TaskRecord {
        get throws {
            guard let record else { throw CommandWithoutTask() }
            return record
        }
    }
}

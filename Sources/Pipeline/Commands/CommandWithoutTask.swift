import PFBotCore
import Storage

/// A verb that needs a task reached its action without one: a dispatcher mistake, never retried.
struct CommandWithoutTask: PermanentJobFailure, CustomStringConvertible {
    var description: String { "a /pf command that needs a task ran on an issue without one; this is a bug in pfbot" }
}

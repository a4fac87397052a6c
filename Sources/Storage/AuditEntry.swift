import struct Foundation.Date
import PFBotCore

/// One line of the audit log.
public struct AuditEntry: Sendable, Equatable {
    /// When it happened.
    public var at: Date
    /// Who acted (`github:login`, `pfbot`, `tasknode`).
    public var actor: String
    /// What was done (`task.accept`, `submission.sent` …).
    public var action: String
    /// What it was done to (a task id, an issue URL).
    public var subject: String
    /// More about it, when there is more to say.
    public var detail: String?
    /// What led to it: the GitHub comment of a `/pf` command (its URL), the merge, or the job that ran it; the entries
    /// of one command share it, so a comment can be followed to the actions it caused.
    public var cause: String?
    /// The Task Node's event id of the write this entry records (`event_id`, whose reference is `offchain:<id>`).
    public var taskNodeEvent: String?
    /// The title of the task the subject names, when reading the log (never written: the task's own row has it).
    public var subjectTitle: String?

    /// An entry.
    public init(at: Date, actor: String, action: String, subject: String, detail: String? = nil, cause: String? = nil,
                taskNodeEvent: String? = nil, subjectTitle: String? = nil) {
        self.at = at
        self.actor = actor
        self.action = action
        self.subject = subject
        self.detail = detail
        self.cause = cause
        self.taskNodeEvent = taskNodeEvent
        self.subjectTitle = subjectTitle
    }
}

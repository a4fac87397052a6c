import struct Foundation.Date
import PFBotCore

/// One line of the audit log.
public struct AuditEntry: Sendable, Equatable {
    public var at: Date
    /// Who acted (`github:login`, `pfbot`, `tasknode`).
    public var actor: String
    /// What was done (`task.accept`, `submission.sent` …).
    public var action: String
    /// What it was done to (a task id, an issue URL).
    public var subject: String
    public var detail: String?
    /// The title of the task the subject names, when reading the log (never written: the task's own row has it).
    public var subjectTitle: String?

    public init(at: Date, actor: String, action: String, subject: String, detail: String? = nil, subjectTitle: String? = nil) {
        self.at = at
        self.actor = actor
        self.action = action
        self.subject = subject
        self.detail = detail
        self.subjectTitle = subjectTitle
    }
}

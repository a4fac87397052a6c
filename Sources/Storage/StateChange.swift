import struct Foundation.Date
import PFBotCore

/// One recorded state change.
public struct StateChange: Sendable, Equatable {
    public var taskID: TaskID
    /// `nil` for the first state of a task.
    public var from: TaskState?
    public var to: TaskState
    /// Who or what caused it (`tasknode`, `command:accept`, `webhook:pull_request`, `reconciler` …).
    public var source: String
    public var note: String?
    public var at: Date

    public init(taskID: TaskID, from: TaskState?, to: TaskState, source: String, note: String?, at: Date) {
        self.taskID = taskID
        self.from = from
        self.to = to
        self.source = source
        self.note = note
        self.at = at
    }
}

import struct Foundation.Date
import PFBotCore

/// The template pack pfbot scaffolded a task's branch from, and why it was the best match (shown on the issue).
public struct ChosenPackRecord: Sendable, Equatable {
    /// The task.
    public var task: TaskID
    /// The pack's name, e.g. `guide`.
    public var pack: String
    /// Where the pack came from: `built-in` or the repository folder it was read from.
    public var origin: String
    /// Why it won, e.g. `category documentation; keywords guide (score 5)`.
    public var reason: String
    /// When the pack was chosen.
    public var chosenAt: Date

    /// Creates the record.
    public init(task: TaskID, pack: String, origin: String, reason: String, chosenAt: Date) {
        self.task = task
        self.pack = pack
        self.origin = origin
        self.reason = reason
        self.chosenAt = chosenAt
    }
}

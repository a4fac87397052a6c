import Foundation
import PFBotCore

/// The payload of a start-work job, with what asked for it (which decides its de-duplication).
public struct StartWorkJob: Codable, Sendable, Equatable {
    /// What asked for the work to start.
    public enum Occasion: Codable, Sendable, Equatable {
        /// The Monitor saw the task accepted on the Task Node.
        case observed(TaskState)
        /// pfbot accepted it (auto-accept or `/pf accept`).
        case accepted
        /// `/pf start` at this time: runs again even when the work was started before.
        case requested(at: Date)
    }

    /// The task to start work on.
    public var task: TaskID
    /// What asked for the work to start.
    public var occasion: Occasion

    /// Creates the payload.
    public init(task: TaskID, occasion: Occasion) {
        self.task = task
        self.occasion = occasion
    }
}

import Foundation
import PFBotCore

/// The payload of an accept job.
public struct AcceptJob: Codable, Sendable, Equatable {
    /// The task to accept.
    public var task: TaskID
    /// The reason sent to the Task Node.
    public var reason: String

    /// Creates the payload.
    public init(task: TaskID, reason: String) {
        self.task = task
        self.reason = reason
    }
}

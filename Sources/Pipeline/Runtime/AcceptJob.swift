import Foundation
import PFBotCore

/// The payload of an accept job.
public struct AcceptJob: Codable, Sendable, Equatable {
    public var task: TaskID
    /// The reason sent to the Task Node.
    public var reason: String

    public init(task: TaskID, reason: String) {
        self.task = task
        self.reason = reason
    }
}

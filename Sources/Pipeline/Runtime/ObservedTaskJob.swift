import Foundation
import PFBotCore

/// The payload of the jobs that react to a state the Monitor observed (announce, relay the verification
/// question, record the reward, close, update the issue): one job per task and observed state.
public struct ObservedTaskJob: Codable, Sendable, Equatable {
    /// The task the state was observed on.
    public var task: TaskID
    /// The state the Task Node reported when the job was queued.
    public var observed: TaskState

    /// Creates the payload.
    public init(task: TaskID, observed: TaskState) {
        self.task = task
        self.observed = observed
    }

    /// Reads a payload, also one written before jobs carried the observed state (read as `proposed`).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        task = try container.decode(TaskID.self, forKey: .task)
        // Jobs queued by pfbot before typed jobs carry only the task.
        observed = try container.decodeIfPresent(TaskState.self, forKey: .observed) ?? .proposed
    }
}

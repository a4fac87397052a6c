import struct Foundation.Date
import PFBotCore

/// A reserved external side effect and what became of it.
public struct OutboxEntry: Sendable, Equatable {
    public var key: String
    public var kind: String
    public var payload: String
    public var state: OutboxState
    public var attempts: Int
    /// The result recorded when sent (e.g. the Task Node's answer).
    public var result: String?
    public var lastError: String?
    public var createdAt: Date
    public var sentAt: Date?
}

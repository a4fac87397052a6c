import struct Foundation.Date
import PFBotCore

/// A job in the queue.
public struct Job: Sendable, Equatable {
    public var id: Int64
    public var kind: String
    public var payload: String
    public var dedupeKey: String?
    public var state: JobState
    /// Attempts started so far, including the current one.
    public var attempts: Int
    public var maxAttempts: Int
    public var runAt: Date
    public var claimedBy: String?
    public var leaseUntil: Date?
    public var lastError: String?
}

import struct Foundation.Date
import PFBotCore

/// A job to add to the queue.
public struct NewJob: Sendable, Equatable {
    public var kind: String
    /// Job input, usually JSON.
    public var payload: String
    /// At most one live job per key.
    public var dedupeKey: String?
    /// Not before this time.
    public var runAt: Date
    /// Attempts before the job becomes a dead letter.
    public var maxAttempts: Int

    public init(kind: String, payload: String, dedupeKey: String? = nil, runAt: Date, maxAttempts: Int = 8) {
        self.kind = kind
        self.payload = payload
        self.dedupeKey = dedupeKey
        self.runAt = runAt
        self.maxAttempts = maxAttempts
    }
}

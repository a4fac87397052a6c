import struct Foundation.Date
import PFBotCore

/// A verified GitHub webhook delivery, stored before it is acknowledged.
public struct Delivery: Sendable, Equatable {
    /// `X-GitHub-Delivery`.
    public var id: String
    /// `X-GitHub-Event`.
    public var event: String
    /// The payload's `action`, if any.
    public var action: String?
    /// The raw body, byte for byte.
    public var body: [UInt8]
    public var receivedAt: Date
    /// Set once processing succeeded.
    public var processedAt: Date?

    public init(id: String, event: String, action: String?, body: [UInt8], receivedAt: Date, processedAt: Date? = nil) {
        self.id = id
        self.event = event
        self.action = action
        self.body = body
        self.receivedAt = receivedAt
        self.processedAt = processedAt
    }

    /// The job kind that processes deliveries.
    public static let jobKind = "webhook"
    /// Attempts a delivery's job gets before it becomes a dead letter.
    public static let jobAttempts = 8
}

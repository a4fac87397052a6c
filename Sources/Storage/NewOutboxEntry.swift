import struct Foundation.Date
import PFBotCore

/// An external side effect to perform exactly once.
public struct NewOutboxEntry: Sendable, Equatable {
    /// The idempotency key, e.g. `submit:<task id>:<merge sha>`.
    public var key: String
    public var kind: String
    public var payload: String

    public init(key: String, kind: String, payload: String) {
        self.key = key
        self.kind = kind
        self.payload = payload
    }
}

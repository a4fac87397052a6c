import struct Foundation.Date
import PFBotCore

/// States of an outbox entry.
public enum OutboxState: String, Sendable {
    case pending, sent
}

import Foundation

/// A write that was built but not yet confirmed: its exact payload (with `event_id` and timestamps) is
/// reused on retry so the Task Node can de-duplicate it (protocol §6, §7).
public struct PendingWrite: Codable, Sendable, Equatable {
    /// `taskId|transition`, or `request|<fingerprint>` for task requests.
    public var key: String
    /// A digest of what the caller asked for (reason, evidence); a different intent replaces the pending write.
    public var intent: String
    /// The exact `offchainPayload` (or request identifiers) to resend, as canonical JSON text.
    public var payloadJSON: String

    /// A pending write.
    public init(key: String, intent: String, payloadJSON: String) {
        self.key = key
        self.intent = intent
        self.payloadJSON = payloadJSON
    }
}

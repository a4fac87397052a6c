import PFBotCore

/// The verification prompt of `currentVerificationRequest` (protocol §3.3).
public struct VerificationRequest: Sendable, Hashable {
    /// The question to answer.
    public var ask: String
    /// Extra text.
    public var body: String?
    /// The evidence type asked for.
    public var type: String?
    /// The reviewer's assessment.
    public var assessment: String?
    /// Why the reviewer asks.
    public var reason: String?
    /// The event that asked.
    public var eventID: String?
    /// When it was asked (ISO text as sent).
    public var createdAt: String?

    /// A prompt.
    public init(ask: String, body: String?, type: String?, assessment: String?, reason: String?, eventID: String?, createdAt: String?) {
        self.ask = ask
        self.body = body
        self.type = type
        self.assessment = assessment
        self.reason = reason
        self.eventID = eventID
        self.createdAt = createdAt
    }
}

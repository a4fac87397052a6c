import struct Foundation.URL

/// `tasknode.*`
public struct TaskNodeSettings: Sendable, Equatable {
    /// Base URL of the Task Node.
    public var url: URL
    /// Seconds between polls when the Task Node gives no hint.
    public var pollIntervalSeconds: Int
    /// Seconds before an HTTP call is abandoned.
    public var timeoutSeconds: Int
    /// The per-wallet hourly write caps pfbot keeps to (`tasknode.agent_caps`).
    public var agentCaps: AgentCapTier = .standard

    public init(url: URL, pollIntervalSeconds: Int, timeoutSeconds: Int) {
        self.url = url
        self.pollIntervalSeconds = pollIntervalSeconds
        self.timeoutSeconds = timeoutSeconds
    }
}

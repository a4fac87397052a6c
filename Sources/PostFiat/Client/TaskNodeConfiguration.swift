import Foundation
import PFBotCore

/// How the client talks to one Task Node.
public struct TaskNodeConfiguration: Sendable {
    /// The base URL, e.g. `https://tasknode.postfiat.org`.
    public var baseURL: URL
    /// The largest answer read, in bytes (larger answers fail with ``TaskNodeError/responseTooLarge(limit:)``).
    public var maximumResponseBytes: Int
    /// Retry and backoff rules.
    public var retry: RetryPolicy
    /// The per-wallet hourly caps to respect.
    public var agentCaps: AgentCaps
    /// The chain label written in payloads.
    public var chain: String
    /// Rewards above this are treated as corrupt.
    public var maximumPlausibleReward: PFTAmount

    /// A configuration with defaults suited to the production Task Node.
    public init(baseURL: URL, maximumResponseBytes: Int = 4 * 1024 * 1024, retry: RetryPolicy = RetryPolicy(),
                agentCaps: AgentCaps = .standard, chain: String = "pftl-testnet",
                maximumPlausibleReward: PFTAmount = PFTAmount(drops: 1_000_000 * PFTAmount.dropsPerPFT)) {
        self.baseURL = baseURL
        self.maximumResponseBytes = maximumResponseBytes
        self.retry = retry
        self.agentCaps = agentCaps
        self.chain = chain
        self.maximumPlausibleReward = maximumPlausibleReward
    }
}

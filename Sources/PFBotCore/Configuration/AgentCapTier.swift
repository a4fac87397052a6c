import Foundation

/// Which per-wallet hourly write caps of the Task Node pfbot keeps to before writing (`tasknode.agent_caps`, protocol §4.6).
public enum AgentCapTier: String, Sendable, Equatable, CaseIterable {
    /// An ordinary wallet: 12 actions, 6 submissions, 6 verification responses, 3 task requests per hour.
    case standard
    /// A trusted wallet (core-contributor badge, active agent, allowlisted): 50 / 30 / 30 / 20 per hour.
    case trusted
    /// No count kept by pfbot (a Task Node that does not cap this wallet, such as a test node); the Task Node's own
    /// 429 answers still apply.
    case none
}

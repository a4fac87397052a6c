import Foundation

/// Tunables of the emulator; defaults follow the production Task Node.
public struct TaskNodeEmulatorOptions: Sendable {
    /// Login challenge lifetime (300 s, clamped 1–600).
    public var challengeTTLSeconds: Double = 300
    /// Live challenges kept server-wide; the oldest is dropped beyond this.
    public var maximumChallenges = 3000
    /// Session lifetime (7 days).
    public var sessionMaxAgeSeconds: Double = 604_800
    /// `TASKNODE_AGENT_WALLET_ALLOWLIST`: `nil` when the variable is absent (everyone may log in).
    public var walletAllowlist: Set<String>?
    /// `offchainLifecycle.enabled` reported in config replies.
    public var lifecycleEnabled = true
    /// `offchainLifecycle.dualWrite` reported in config replies.
    public var lifecycleDualWrite = false
    /// `wallets.authority`.
    public var authorityWallet = "rTaskNodeAuthority1111111111111111"
    /// `wallets.allocation`.
    public var allocationWallet = "rTaskNodeAllocation111111111111111"
    /// Per-wallet caps per window: task_action, task_submission, task_verification_response, task_request.
    public var agentCaps: [String: Int] = [
        "task_action": 12, "task_submission": 6, "task_verification_response": 6, "task_request": 3,
    ]
    /// The shared limit of each write route (`/api/tasks/request`, `/action`, `/submission`) per 60 s window: 20 in
    /// production; a load test raises it so its own volume is not what it measures.
    public var writeRouteSharedLimit = 20
    /// The agent cap window (3600 s).
    public var agentWindowSeconds: Double = 3600
    /// `TASKNODE_TASK_TRANSITION_SIGNATURES_REQUIRED`.
    public var enforceTransitionSignatures = false
    /// Seconds from a task request to its offer; `nil` leaves offers to ``TaskNodeEmulator/propose(_:)``.
    public var offerLagSeconds: Double?
    /// Seconds from `submitted` (or a verification response) to `verification_requested`; `nil` leaves it to
    /// ``TaskNodeEmulator/requestVerification(taskID:ask:)``.
    public var reviewLagSeconds: Double?
    /// The verification ask the simulated reviewer sends.
    public var reviewAsk = "Explain how the evidence meets each requirement."
    /// Seconds from a verification response to the reward; `nil` leaves it to ``TaskNodeEmulator/decideReward(taskID:decision:pft:)``.
    public var rewardLagSeconds: Double?
    /// How many extra verification rounds the simulated reviewer asks for before rewarding.
    public var extraVerificationRounds = 0
    /// The decision the simulated reward worker makes.
    public var automaticDecision: (decision: String, pft: Decimal?) = ("reward", nil)

    /// The production defaults.
    public init() {}
}

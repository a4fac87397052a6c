import PFBotCore

/// Decides whether a proposal is accepted without a person (`auto_accept.*`, off by default).
public struct AutoAcceptPolicy: Sendable {
    /// The `auto_accept.*` settings.
    public var rules: AutoAcceptRules
    /// Most tasks in flight at once; nothing is accepted automatically beyond it.
    public var maxInFlight: Int

    /// Creates the policy from the configuration.
    public init(rules: AutoAcceptRules, maxInFlight: Int) {
        self.rules = rules
        self.maxInFlight = maxInFlight
    }

    /// Whether to accept, with the reason either way (posted on the issue).
    public func decide(_ task: PostFiatTask, analysis: TaskAnalysis, inFlight: Int) -> (accept: Bool, reason: String) {
        guard rules.enabled else { return (false, "auto-accept is off") }
        guard task.state == .proposed else { return (false, "the task is \(task.state), not proposed") }
        if !rules.kinds.isEmpty, !rules.kinds.contains(task.kind) {
            return (false, "kind \(task.kind) is not in auto_accept.kinds")
        }
        if task.reward < rules.minimumReward {
            return (false, "reward \(task.reward) is below auto_accept.min_reward_pft")
        }
        if analysis.estimate.hours > rules.maximumEstimatedHours {
            return (false, "estimated \(analysis.estimate.hours) h is above auto_accept.max_estimated_hours")
        }
        if inFlight >= maxInFlight {
            return (false, "\(inFlight) tasks are in flight (filters.max_in_flight is \(maxInFlight))")
        }
        return (true, "matches the auto-accept rules (\(task.reward), about \(analysis.estimate.hours) h)")
    }
}

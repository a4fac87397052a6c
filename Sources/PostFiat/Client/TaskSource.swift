import PFBotCore

/// Where the pipeline reads tasks from.
public protocol TaskSource: Sendable {
    /// Every task of the contributor (all buckets), with per-task problems for unreadable ones.
    func listTasks() async throws -> TaskListing
    /// One task in full: verification prompt, reward outcome, actions.
    func taskDetail(_ id: TaskID) async throws -> TaskDetail
    /// The contributor's rewards per UTC day over the last 90 days, as the Task Node counts them.
    func rewardHistory() async throws -> RewardHistory
}

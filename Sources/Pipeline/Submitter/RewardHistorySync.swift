import Foundation
import PostFiat
import Storage

/// Keeps the Task Node's daily reward totals (`GET /api/profile/reward-history`) in the store, so `pfbot report` and
/// the dashboard show them next to pfbot's own record without asking the Task Node.
struct RewardHistorySync {
    let context: PipelineContext
    /// A copy younger than this is not read again by ``refreshIfStale()``.
    static let freshness: TimeInterval = 3600
    /// The setting holding when the history was last asked for, answered or not (an empty history stores no day).
    static let lastAttemptSetting = "tasknode.reward_history.last_attempt"

    /// Reads the history now; a failure is logged and returned, the stored copy stays.
    @discardableResult
    func refresh() async -> String? {
        do {
            try await context.store.setSetting(Self.lastAttemptSetting, value: String(context.now().timeIntervalSince1970), now: context.now())
            let history = try await context.taskSource.rewardHistory()
            let now = context.now()
            try await context.store.saveTaskNodeRewardDays(history.days.map { TaskNodeRewardDay(day: $0.day, drops: $0.amount.drops, fetchedAt: now) })
            return nil
        } catch {
            let problem = "the Task Node's reward history could not be read: \(error)"
            context.logger.warning("\(problem)")
            return problem
        }
    }

    /// Reads the history when it was last asked for more than ``freshness`` ago (or never).
    func refreshIfStale() async throws -> String? {
        if let text = try await context.store.setting(Self.lastAttemptSetting), let last = TimeInterval(text),
           context.now().timeIntervalSince1970 - last < Self.freshness { return nil }
        return await refresh()
    }
}

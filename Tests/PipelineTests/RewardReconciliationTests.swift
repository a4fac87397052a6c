import Analytics
import Foundation
@testable import Pipeline
import Storage
import Testing

@Suite struct RewardReconciliationTests {
    let fetched = Date(timeIntervalSince1970: 1_790_000_000)

    @Test func daysEitherSideRewarded_areListed_andOnlyDaysTheTaskNodeReported_canDiffer() {
        let ours = [AnalyticsFigures.DayEarning(day: "2026-08-01", drops: 9_000_000, tasks: 1),
                    AnalyticsFigures.DayEarning(day: "2026-12-01", drops: 5_000_000, tasks: 1),
                    AnalyticsFigures.DayEarning(day: "2026-12-02", drops: 3_000_000, tasks: 1)]
        let theirs = [TaskNodeRewardDay(day: "2026-12-01", drops: 5_000_000, fetchedAt: fetched),
                      TaskNodeRewardDay(day: "2026-12-02", drops: 4_000_000, fetchedAt: fetched),
                      TaskNodeRewardDay(day: "2026-12-03", drops: 2_000_000, fetchedAt: fetched),
                      TaskNodeRewardDay(day: "2026-12-04", drops: 0, fetchedAt: fetched)]
        let days = AnalyticsCollector.reconcile(pfbot: ours, taskNode: theirs)
        #expect(days == [
            AnalyticsReport.RewardDay(day: "2026-08-01", pfbotDrops: 9_000_000, taskNodeDrops: nil),
            AnalyticsReport.RewardDay(day: "2026-12-01", pfbotDrops: 5_000_000, taskNodeDrops: 5_000_000),
            AnalyticsReport.RewardDay(day: "2026-12-02", pfbotDrops: 3_000_000, taskNodeDrops: 4_000_000),
            AnalyticsReport.RewardDay(day: "2026-12-03", pfbotDrops: 0, taskNodeDrops: 2_000_000),
        ])
        #expect(days.map(\.differs) == [false, false, true, true])
    }
}

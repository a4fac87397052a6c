import Foundation
import PostFiat

extension TaskNodeEmulator {
    /// `GET /api/profile/reward-history?range=7d|28d|90d`: the wallet's rewards summed per UTC day over the range
    /// (protocol §12: daily totals from `pf.reward.v1` events). Days without a reward are listed with `"0"`.
    func rewardHistory(_ range: String?, session: Session?) -> EmulatorResponse {
        guard let session else {
            return handlerError(401, action: "profile_reward_history", code: "profile_login_required", message: "Log in with your wallet first.")
        }
        let days: Int
        switch range ?? "28d" {
        case "7d": days = 7
        case "28d": days = 28
        case "90d": days = 90
        default:
            return handlerError(400, action: "profile_reward_history", code: "reward_history_range_invalid", message: "Use range=7d, 28d or 90d.")
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let today = calendar.startOfDay(for: clock.now())
        var totals: [String: Decimal] = [:]
        for task in tasks.values where task.wallet == session.address {
            guard let at = task.rewardedAt, let pft = task.rewardPFT, pft > 0 else { continue }
            totals[Self.dayText(calendar.startOfDay(for: at)), default: 0] += pft
        }
        let series: [LiteralJSON] = (0..<days).reversed().compactMap { back in
            guard let day = calendar.date(byAdding: .day, value: -back, to: today) else { return nil }
            let text = Self.dayText(day)
            return ["date": .string(text), "pft": .string("\(totals[text] ?? 0)")]
        }
        return json(200, ["ok": true, "range": .string("\(days)d"), "days": .array(series)])
    }

    static func dayText(_ day: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: day)
    }
}

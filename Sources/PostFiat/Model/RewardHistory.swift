import PFBotCore

/// The Task Node's daily reward totals (`GET /api/profile/reward-history`, protocol §12), oldest day first.
public struct RewardHistory: Sendable, Equatable {
    /// One UTC day's total.
    public struct Day: Sendable, Equatable {
        /// `yyyy-MM-dd`.
        public var day: String
        /// PFT rewarded that day.
        public var amount: PFTAmount

        /// A day's total.
        public init(day: String, amount: PFTAmount) {
            self.day = day
            self.amount = amount
        }
    }

    /// The days the answer covers, oldest first.
    public var days: [Day]

    /// The history.
    public init(days: [Day]) {
        self.days = days
    }

    /// The array keys and field spellings read: the protocol names the endpoint and says it holds daily totals, not
    /// the member names, so the usual spellings are accepted and anything else is refused with a clear error.
    static let listKeys = ["days", "history", "items", "series", "rewards"]
    static let dayKeys = ["date", "day"]
    static let amountKeys = ["pft", "rewardPft", "totalPft", "amount", "total"]

    /// Reads an answer.
    /// - Throws: ``TaskNodeError/unexpectedShape(_:)`` naming what was expected.
    static func decode(_ json: LiteralJSON) throws -> RewardHistory {
        guard let list = listKeys.lazy.compactMap({ json[$0]?.arrayValue }).first else {
            throw TaskNodeError.unexpectedShape("the reward history has no list of days (looked for \(listKeys.joined(separator: ", ")))")
        }
        var days: [Day] = []
        for item in list {
            guard let dayText = dayKeys.lazy.compactMap({ item[$0]?.stringValue }).first, dayText.count >= 10 else {
                throw TaskNodeError.unexpectedShape("a reward history entry has no date (looked for \(dayKeys.joined(separator: ", ")))")
            }
            let value = amountKeys.lazy.compactMap { item[$0] }.first { !$0.isNull }
            guard let text = value?.numberText ?? value?.stringValue, let amount = try? PFTAmount(parsing: text), !amount.isNegative else {
                throw TaskNodeError.unexpectedShape("the reward history entry of \(dayText) has no exact PFT amount (looked for \(amountKeys.joined(separator: ", ")))")
            }
            days.append(Day(day: String(dayText.prefix(10)), amount: amount))
        }
        return RewardHistory(days: days.sorted { $0.day < $1.day })
    }
}

import PFBotCore

/// Decides whether a proposal is worth pfbot's attention (`filters.*`).
public struct TaskFilter: Sendable {
    /// The `filters.*` settings.
    public var filters: TaskFilters

    /// Creates the filter from the configuration.
    public init(filters: TaskFilters) {
        self.filters = filters
    }

    /// `nil` when the task passes; otherwise the reason it was skipped, for the audit log and `pfbot tasks`.
    public func skipReason(for task: PostFiatTask) -> String? {
        if !filters.kinds.isEmpty, !filters.kinds.contains(task.kind) {
            return "kind \(task.kind) is not in filters.kinds (\(filters.kinds.map(\.name).joined(separator: ", ")))"
        }
        if task.reward < filters.minimumReward {
            return "reward \(task.reward) is below filters.min_reward_pft (\(filters.minimumReward))"
        }
        let text = ([task.title, task.description] + task.steps).joined(separator: "\n").lowercased()
        if let excluded = filters.excludeKeywords.first(where: { text.contains($0.lowercased()) }) {
            return "mentions excluded keyword \"\(excluded)\""
        }
        if !filters.includeKeywords.isEmpty, !filters.includeKeywords.contains(where: { text.contains($0.lowercased()) }) {
            return "mentions none of filters.include_keywords"
        }
        return nil
    }
}

import Foundation

/// pfbot's own count of writes per wallet, so it stops before the Task Node answers 429.
struct AgentCapLedger: Sendable {
    private var sent: [AgentAction: [Date]] = [:]

    /// Throws ``TaskNodeError/agentCapReached(action:limit:retryAt:)`` when `action` is used up at `now`.
    mutating func check(_ action: AgentAction, caps: AgentCaps, now: Date) throws {
        let live = prune(action, caps: caps, now: now)
        let limit = caps.limit(for: action)
        if live.count >= limit, let oldest = live.first {
            throw TaskNodeError.agentCapReached(action: action.rawValue, limit: limit,
                                                retryAt: oldest.addingTimeInterval(caps.windowSeconds))
        }
    }

    /// Records one `submit` of `action` at `now`.
    mutating func record(_ action: AgentAction, caps: AgentCaps, now: Date) {
        var live = prune(action, caps: caps, now: now)
        live.append(now)
        sent[action] = live
    }

    private mutating func prune(_ action: AgentAction, caps: AgentCaps, now: Date) -> [Date] {
        let live = (sent[action] ?? []).filter { now.timeIntervalSince($0) < caps.windowSeconds }
        sent[action] = live
        return live
    }
}

import Foundation

/// pfbot's own count of writes per wallet, so it stops before the Task Node answers 429.
struct AgentCapLedger: Sendable {
    private var sent: [AgentAction: [Date]] = [:]

    /// Reserves one `submit` of `action` at `now`, before the request is sent, so concurrent writes cannot all pass the
    /// check while the first is still waiting for its answer; returns the reservation for
    /// ``settle(_:reservation:failure:chargedBeforeGuard:)``.
    /// - Throws: ``TaskNodeError/agentCapReached(action:limit:retryAt:)`` when `action` is used up at `now`.
    mutating func reserve(_ action: AgentAction, caps: AgentCaps, now: Date) throws -> Date {
        var live = prune(action, caps: caps, now: now)
        let limit = caps.limit(for: action)
        if live.count >= limit, let oldest = live.first {
            throw TaskNodeError.agentCapReached(action: action.rawValue, limit: limit,
                                                retryAt: oldest.addingTimeInterval(caps.windowSeconds))
        }
        live.append(now)
        sent[action] = live
        return now
    }

    /// Keeps the reservation of a `submit` of `action` that ended with `failure` (`nil`: a 2xx answer) when the Task Node
    /// charged it, and gives it back when it did not.
    ///
    /// The Task Node charges after authentication and the task lookup: an action before its state guard, so a 409
    /// still uses quota (§4.3); a submission after its state check and before the write, so a 409 does not but a 5xx
    /// does (§12). A 429 (shared limit or the cap itself), 401, 400 and 404 are answered before the charge. A request
    /// that got no answer may have been charged; it is counted, so pfbot stops early rather than meet a 429.
    mutating func settle(_ action: AgentAction, reservation: Date, failure: (any Error)?, chargedBeforeGuard: Bool) {
        guard !Self.charged(failure, chargedBeforeGuard: chargedBeforeGuard),
              var live = sent[action], let index = live.lastIndex(of: reservation) else { return }
        live.remove(at: index)
        sent[action] = live
    }

    /// Whether a `submit` that ended with `failure` (`nil`: a 2xx answer) was charged by the Task Node.
    static func charged(_ failure: (any Error)?, chargedBeforeGuard: Bool) -> Bool {
        guard let failure else { return true }
        guard let error = failure as? TaskNodeError else { return false }
        switch error {
        case .notAvailable: return chargedBeforeGuard
        case .serverFailure, .transport: return true
        case .notJSON(let status, _), .malformedJSON(let status, _): return status >= 500
        default: return false
        }
    }

    private mutating func prune(_ action: AgentAction, caps: AgentCaps, now: Date) -> [Date] {
        let live = (sent[action] ?? []).filter { now.timeIntervalSince($0) < caps.windowSeconds }
        sent[action] = live
        return live
    }
}

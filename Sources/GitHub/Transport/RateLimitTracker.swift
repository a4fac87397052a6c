import Foundation

/// Remembers the last quota GitHub reported, so a request is held until the reset instead of being refused.
actor RateLimitTracker {
    private var exhaustedUntil: Date?

    /// Records the `x-ratelimit-*` headers of a response.
    func record(_ status: RateLimitStatus) {
        guard status.remaining != nil else { return }
        exhaustedUntil = status.isExhausted ? status.resetAt : nil
    }

    /// When the quota is known to be used up, the reset time; else nil.
    func blockedUntil(now: Date) -> Date? {
        guard let until = exhaustedUntil, until > now else { return nil }
        return until
    }
}

import Foundation

/// A rate-limit answer to inject into the next requests.
public enum InjectedRateLimit: Sendable, Equatable {
    /// The primary quota is used up until `resetAt` (403, `x-ratelimit-remaining: 0`).
    case primary(resetAt: Date)
    /// A secondary limit, with or without `retry-after`, answered with `status` (403 or 429).
    case secondary(retryAfter: Int?, status: Int)
}

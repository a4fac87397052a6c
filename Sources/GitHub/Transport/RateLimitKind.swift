import Foundation

/// Which GitHub rate limit stopped a request.
public enum RateLimitKind: String, Sendable {
    /// The hourly quota (`x-ratelimit-remaining: 0`).
    case primary
    /// An abuse/secondary limit (`retry-after` or "secondary rate limit" message).
    case secondary
}

import Foundation

/// The `x-ratelimit-*` headers of one response.
public struct RateLimitStatus: Sendable, Equatable {
    /// The quota per window.
    public var limit: Int?
    /// Requests left in the window.
    public var remaining: Int?
    /// Requests used in the window.
    public var used: Int?
    /// When the window resets (from epoch seconds).
    public var resetAt: Date?
    /// The bucket: `core`, `search`, `graphql`, …
    public var resource: String?

    /// Reads the headers by lower-cased name; nil fields when absent or malformed.
    public init(header: (String) -> String?) {
        limit = header("x-ratelimit-limit").flatMap { Int($0) }
        remaining = header("x-ratelimit-remaining").flatMap { Int($0) }
        used = header("x-ratelimit-used").flatMap { Int($0) }
        resetAt = header("x-ratelimit-reset").flatMap { Double($0) }.map { Date(timeIntervalSince1970: $0) }
        resource = header("x-ratelimit-resource")
    }

    /// True when the primary quota is used up.
    public var isExhausted: Bool { remaining == 0 }
}

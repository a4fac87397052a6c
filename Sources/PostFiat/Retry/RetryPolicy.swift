/// How long to wait between attempts (protocol §6): exponential backoff with full jitter for failures, the
/// server's own window for 429s.
public struct RetryPolicy: Sendable, Equatable {
    /// Attempts in total, including the first.
    public var maximumAttempts: Int
    /// The first backoff, in seconds.
    public var baseDelaySeconds: Double
    /// The largest backoff, in seconds.
    public var maximumDelaySeconds: Double
    /// The longest 429 window pfbot waits in-process; longer windows are reported to the caller instead.
    public var maximumRateLimitWaitSeconds: Int

    /// A policy; the defaults suit an unattended bot.
    public init(maximumAttempts: Int = 4, baseDelaySeconds: Double = 1, maximumDelaySeconds: Double = 60,
                maximumRateLimitWaitSeconds: Int = 120) {
        self.maximumAttempts = max(1, maximumAttempts)
        self.baseDelaySeconds = baseDelaySeconds
        self.maximumDelaySeconds = maximumDelaySeconds
        self.maximumRateLimitWaitSeconds = maximumRateLimitWaitSeconds
    }

    /// The backoff before attempt `attempt + 1` (attempt counts from 1): half fixed, half jitter, of
    /// `min(max, base × 2^(attempt-1))`.
    public func backoff(afterAttempt attempt: Int, jitter: Double) -> Double {
        let exponent = Double(max(0, min(attempt - 1, 30)))
        let ceiling = min(maximumDelaySeconds, baseDelaySeconds * pow2(exponent))
        return ceiling / 2 + ceiling / 2 * min(max(jitter, 0), 1)
    }

    private func pow2(_ exponent: Double) -> Double {
        var value = 1.0
        for _ in 0..<Int(exponent) { value *= 2 }
        return value
    }
}

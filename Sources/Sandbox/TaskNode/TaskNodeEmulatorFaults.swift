import Foundation

/// Faults the Task Node emulator injects by itself, drawn from a seeded generator, so a client meets an unreliable
/// Task Node: shared-limit refusals, server errors (some after the write was made), and a read model that lags
/// behind writes. The default injects nothing. Session expiry is forced with ``TaskNodeEmulator/expireSessions()``.
public struct TaskNodeEmulatorFaults: Sendable, Equatable {
    /// The share of requests refused with the shared limiter's 429 `rate_limited` (protocol §1), with
    /// `retryAfterSeconds` in the body and `retry-after` in the headers, before anything else happens.
    public var rateLimitRate: Double
    /// The `retryAfterSeconds` of those refusals.
    public var retryAfterSeconds: Int
    /// The share of requests answered `503`; half of the writes among them are carried out first and only the answer
    /// is lost, as when a proxy fails after the Task Node wrote.
    public var serverErrorRate: Double
    /// Seconds a client's write to a task stays out of the read model: `GET /api/tasks` and `/api/tasks/detail` show
    /// the task as it was before the write until then (the writes themselves see the current state).
    public var projectionLagSeconds: Double
    /// The seed of the fault generator.
    public var seed: UInt64

    /// Creates a fault set; the default injects nothing.
    public init(rateLimitRate: Double = 0, retryAfterSeconds: Int = 1, serverErrorRate: Double = 0, projectionLagSeconds: Double = 0,
                seed: UInt64 = 1) {
        self.rateLimitRate = rateLimitRate
        self.retryAfterSeconds = retryAfterSeconds
        self.serverErrorRate = serverErrorRate
        self.projectionLagSeconds = projectionLagSeconds
        self.seed = seed
    }
}

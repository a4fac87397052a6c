import Foundation

/// Faults the emulator injects so clients can be tested against an unreliable GitHub.
public struct GitHubEmulatorFaults: Sendable, Equatable {
    /// The share of API requests answered `502` (0…1), drawn from a seeded generator.
    public var serverErrorRate: Double
    /// Seconds added before every API answer.
    public var latency: Double
    /// The share of webhook deliveries dropped (recorded with status code 0, redeliverable).
    public var webhookDropRate: Double
    /// How many GETs of a newly created issue or pull request answer 404 (read-after-write lag).
    public var readAfterWriteLag: Int
    /// The share of authenticated API requests refused by a secondary rate limit (403 or 429, drawn, with
    /// `retry-after: 1`), before they are handled.
    public var secondaryRateLimitRate: Double
    /// The seed of the fault generator.
    public var seed: UInt64

    /// Creates a fault set; the default injects nothing.
    public init(serverErrorRate: Double = 0, latency: Double = 0, webhookDropRate: Double = 0, readAfterWriteLag: Int = 0, seed: UInt64 = 1,
                secondaryRateLimitRate: Double = 0) {
        self.serverErrorRate = serverErrorRate
        self.latency = latency
        self.webhookDropRate = webhookDropRate
        self.readAfterWriteLag = readAfterWriteLag
        self.seed = seed
        self.secondaryRateLimitRate = secondaryRateLimitRate
    }
}

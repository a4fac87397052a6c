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
    /// The seed of the fault generator.
    public var seed: UInt64

    /// Creates a fault set; the default injects nothing.
    public init(serverErrorRate: Double = 0, latency: Double = 0, webhookDropRate: Double = 0, readAfterWriteLag: Int = 0, seed: UInt64 = 1) {
        self.serverErrorRate = serverErrorRate
        self.latency = latency
        self.webhookDropRate = webhookDropRate
        self.readAfterWriteLag = readAfterWriteLag
        self.seed = seed
    }
}

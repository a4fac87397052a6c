import Foundation

/// How politely the client behaves: waits, retries and spacing. Defaults follow GitHub's guidance.
public struct RateLimitPolicy: Sendable, Equatable {
    /// How many times to wait out a rate limit (primary or secondary) before giving up.
    public var maxRateLimitWaits: Int
    /// The first wait for a secondary limit without `retry-after` (GitHub says at least 60 s); doubles each time.
    public var secondaryBaseWait: Double
    /// The longest single wait the client accepts; a longer reset gives up at once.
    public var maxSingleWait: Double
    /// Extra seconds added after a primary reset time, for clock skew.
    public var resetSlack: Double
    /// Minimum spacing between content-creating calls (POST/PATCH/PUT/DELETE) per installation.
    public var writeSpacing: Double
    /// Retries of a 5xx answer (with 1 s, 2 s, … waits).
    public var maxServerErrorRetries: Int
    /// The first wait after a 5xx.
    public var serverErrorBaseWait: Double
    /// Retries of a 404 for an object named in a just-received webhook (only when the call asks).
    public var notFoundRetries: Int
    /// The wait between those retries.
    public var notFoundDelay: Double
    /// How many ETag'd GET responses to keep for conditional requests.
    public var etagCacheSize: Int

    /// Creates a policy; the defaults are the production values.
    public init(
        maxRateLimitWaits: Int = 3, secondaryBaseWait: Double = 60, maxSingleWait: Double = 3_600, resetSlack: Double = 1,
        writeSpacing: Double = 1, maxServerErrorRetries: Int = 2, serverErrorBaseWait: Double = 1,
        notFoundRetries: Int = 2, notFoundDelay: Double = 1, etagCacheSize: Int = 256
    ) {
        self.maxRateLimitWaits = maxRateLimitWaits
        self.secondaryBaseWait = secondaryBaseWait
        self.maxSingleWait = maxSingleWait
        self.resetSlack = resetSlack
        self.writeSpacing = writeSpacing
        self.maxServerErrorRetries = maxServerErrorRetries
        self.serverErrorBaseWait = serverErrorBaseWait
        self.notFoundRetries = notFoundRetries
        self.notFoundDelay = notFoundDelay
        self.etagCacheSize = etagCacheSize
    }
}

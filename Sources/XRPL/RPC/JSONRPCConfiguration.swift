/// Where and how patiently `JSONRPCClient` talks to rippled.
public struct JSONRPCConfiguration: Sendable {
    /// Server URLs tried in order; a transport failure moves to the next one.
    public var urls: [String]
    /// Per-request timeout.
    public var requestTimeout: Duration
    /// Total attempts per call across all URLs.
    public var maxAttempts: Int
    /// Delay before retry n is `retryDelay × n`.
    public var retryDelay: Duration
    /// Largest accepted response body.
    public var maxResponseBytes: Int

    /// A configuration with conservative defaults (10 s timeout, 4 attempts, 250 ms linear backoff, 32 MiB bodies).
    public init(
        urls: [String], requestTimeout: Duration = .seconds(10), maxAttempts: Int = 4, retryDelay: Duration = .milliseconds(250),
        maxResponseBytes: Int = 32 << 20
    ) {
        self.urls = urls
        self.requestTimeout = requestTimeout
        self.maxAttempts = maxAttempts
        self.retryDelay = retryDelay
        self.maxResponseBytes = maxResponseBytes
    }
}

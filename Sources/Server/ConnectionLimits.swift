/// How long the HTTP server waits for clients, and how many it serves at once (`server.*_timeout_seconds`,
/// `server.max_connections`).
public struct ConnectionLimits: Sendable {
    /// Time a request's headers may take to arrive (from connecting, or from the previous response).
    public var headerTimeout: Duration
    /// Time a whole request (headers and body) may take to arrive.
    public var readTimeout: Duration
    /// Time a connection may stay silent mid-request before it is closed.
    public var idleTimeout: Duration
    /// Connections open at once; further ones wait in the listen backlog until one closes.
    public var maxConnections: Int

    /// - Parameters: see the properties; the defaults are those of `pfbot.yml`.
    public init(headerTimeout: Duration = .seconds(10), readTimeout: Duration = .seconds(60), idleTimeout: Duration = .seconds(30),
                maxConnections: Int = 512) {
        self.headerTimeout = headerTimeout
        self.readTimeout = readTimeout
        self.idleTimeout = idleTimeout
        self.maxConnections = maxConnections
    }
}

import struct Foundation.URL

/// `server.*`
public struct ServerSettings: Sendable, Equatable {
    /// The largest webhook body pfbot accepts anywhere (`serve`, `receive`, `action`, `github verify-webhook`):
    /// GitHub's documented payload cap, 25 MB = 25 × 1024 × 1024 bytes. The default of `server.max_body_bytes`.
    public static let defaultMaxBodyBytes = 26_214_400

    /// Address to listen on.
    public var host: String
    /// Port to listen on.
    public var port: Int
    /// Largest accepted request body, in bytes.
    public var maxBodyBytes: Int
    /// Concurrent job workers.
    public var workers: Int
    /// Seconds a worker holds a claimed job before another may take it over.
    public var jobLeaseSeconds: Int
    /// Seconds the `scheduler` lease lasts unless its holder renews it (every third of this): with several replicas on
    /// one database, how long the poller and the reconciler may stay without a holder after the holder dies.
    public var schedulerLeaseSeconds: Int = 30
    /// Webhook bodies read at once; more wait briefly, then get 503 with `Retry-After`. Bounds the memory held by
    /// bodies not yet verified to `maxConcurrentBodies × maxBodyBytes`.
    public var maxConcurrentBodies: Int = 4
    /// Seconds a connection may take to send a request's headers (from connecting, or from the previous response).
    public var headerTimeoutSeconds: Int = 10
    /// Seconds a whole request (headers and body) may take to arrive.
    public var readTimeoutSeconds: Int = 60
    /// Seconds a connection may stay silent (no request, or a stalled body) before it is closed.
    public var idleTimeoutSeconds: Int = 30
    /// Open connections at once; more wait in the listen backlog.
    public var maxConnections: Int = 512
    /// The address people reach this server at (behind its reverse proxy), without a trailing slash; when set, the
    /// QC check run's "Details" link opens the task's page there. `nil` leaves the link off.
    public var publicURL: URL?

    public init(host: String, port: Int, maxBodyBytes: Int, workers: Int, jobLeaseSeconds: Int = 300) {
        self.host = host
        self.port = port
        self.maxBodyBytes = maxBodyBytes
        self.workers = workers
        self.jobLeaseSeconds = jobLeaseSeconds
    }
}

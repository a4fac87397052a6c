import struct Foundation.URL

/// `server.*`
public struct ServerSettings: Sendable, Equatable {
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

    public init(host: String, port: Int, maxBodyBytes: Int, workers: Int, jobLeaseSeconds: Int = 300) {
        self.host = host
        self.port = port
        self.maxBodyBytes = maxBodyBytes
        self.workers = workers
        self.jobLeaseSeconds = jobLeaseSeconds
    }
}

import struct Foundation.URL

/// `storage.*`
public struct StorageSettings: Sendable, Equatable {
    /// The database.
    public var location: StorageLocation
    /// The PostgreSQL password, if not in the URL's environment.
    public var password: SecretReference?
    /// How long processed deliveries, finished jobs and audit entries are kept.
    public var retention: RetentionSettings

    public init(location: StorageLocation, password: SecretReference?, retention: RetentionSettings = RetentionSettings()) {
        self.location = location
        self.password = password
        self.retention = retention
    }
}

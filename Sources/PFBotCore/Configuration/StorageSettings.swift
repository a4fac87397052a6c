import struct Foundation.URL

/// `storage.*`
public struct StorageSettings: Sendable, Equatable {
    /// The database.
    public var location: StorageLocation
    /// The PostgreSQL password, if not in the URL's environment.
    public var password: SecretReference?

    public init(location: StorageLocation, password: SecretReference?) {
        self.location = location
        self.password = password
    }
}

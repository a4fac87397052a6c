import Foundation

/// A GitHub App's id and RSA private key (PEM, PKCS#1 or PKCS#8).
public struct GitHubAppCredentials: Sendable {
    /// The App id (or client id), used as the JWT issuer.
    public var appID: String
    /// The private key in PEM form. Never logged.
    public var privateKeyPEM: String

    /// Creates credentials from a PEM string.
    public init(appID: String, privateKeyPEM: String) {
        self.appID = appID
        self.privateKeyPEM = privateKeyPEM
    }

    /// Reads the private key from a PEM file.
    /// - Throws: `GitHubError.authentication` when the file is missing or unreadable.
    public init(appID: String, privateKeyFile path: String) throws {
        guard let data = FileManager.default.contents(atPath: path), let pem = String(data: data, encoding: .utf8) else {
            throw GitHubError.authentication("cannot read the App private key file at \(path)")
        }
        self.init(appID: appID, privateKeyPEM: pem)
    }
}

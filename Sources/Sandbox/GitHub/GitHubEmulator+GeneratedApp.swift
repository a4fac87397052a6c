import _CryptoExtras
import Foundation

extension GitHubEmulator {
    /// Registers a GitHub App with a new RSA key pair and installs it with write access on every repository, as a
    /// person creating and installing an App would; returns the App's private key (PEM) for the client's configuration.
    /// - Throws: `GitHubEmulatorError.invalidKey` when the key cannot be made.
    public func registerGeneratedApp(id: Int, slug: String, installationID: Int) async throws -> String {
        let privateKey: _RSA.Signing.PrivateKey
        do {
            privateKey = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        } catch {
            throw GitHubEmulatorError.invalidKey("\(error)")
        }
        try await registerApp(id: id, slug: slug, publicKeyPEM: privateKey.publicKey.pemRepresentation)
        await addInstallation(id: installationID, appID: id)
        return privateKey.pemRepresentation
    }
}

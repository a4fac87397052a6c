import Foundation
import JWTKit

/// Signs GitHub App JWTs with RS256: `iat` = now − 60 s, `exp` = now + 9 min (GitHub's limit is 10).
public struct AppJWTSigner: Sendable {
    private let keys: JWTKeyCollection
    private let appID: String
    private let clock: any GitHubClock

    /// Loads the key once.
    /// - Throws: `GitHubError.authentication` when the PEM is not a usable RSA private key (≥ 2048 bits).
    public init(credentials: GitHubAppCredentials, clock: any GitHubClock) async throws {
        let key: JWTKit.Insecure.RSA.PrivateKey
        do {
            key = try JWTKit.Insecure.RSA.PrivateKey(pem: credentials.privateKeyPEM)
        } catch {
            throw GitHubError.authentication("the App private key is not a usable RSA PEM key (2048 bits or more): \(error)")
        }
        let keys = JWTKeyCollection()
        await keys.add(rsa: key, digestAlgorithm: .sha256)
        self.keys = keys
        self.appID = credentials.appID
        self.clock = clock
    }

    /// A fresh JWT for App-level endpoints.
    /// - Throws: `GitHubError.authentication` when signing fails.
    public func makeJWT() async throws -> String {
        let now = Int(clock.now().timeIntervalSince1970.rounded(.down))
        let claims = GitHubAppClaims(iat: now - 60, exp: now + 9 * 60, iss: appID)
        do {
            return try await keys.sign(claims)
        } catch {
            throw GitHubError.authentication("could not sign the App JWT: \(error)")
        }
    }
}

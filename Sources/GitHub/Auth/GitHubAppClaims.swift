import Foundation
import JWTKit

/// The claims of a GitHub App JWT, as integers (GitHub's examples use integer seconds).
struct GitHubAppClaims: JWTPayload {
    var iat: Int
    var exp: Int
    var iss: String

    func verify(using algorithm: some JWTAlgorithm) async throws {}
}

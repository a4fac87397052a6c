import Foundation
import JWTKit

/// The claims of an App JWT, read back by the emulator.
struct EmulatedAppClaims: JWTPayload {
    var iat: Int
    var exp: Int
    var iss: String

    func verify(using algorithm: some JWTAlgorithm) async throws {}
}

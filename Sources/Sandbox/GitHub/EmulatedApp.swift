import Foundation
import JWTKit

/// A registered GitHub App: its public key verifies JWTs.
struct EmulatedApp: Sendable {
    var id: Int
    var slug: String
    var keys: JWTKeyCollection
    var bot: EmulatedUser
}

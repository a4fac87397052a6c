import Foundation

/// An account known to the emulator.
struct EmulatedUser: Sendable {
    var login: String
    var id: Int
    var type: String
}

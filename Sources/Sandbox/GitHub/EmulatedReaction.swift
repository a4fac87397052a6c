import Foundation

struct EmulatedReaction: Sendable {
    var id: Int
    var content: String
    var user: EmulatedUser
}

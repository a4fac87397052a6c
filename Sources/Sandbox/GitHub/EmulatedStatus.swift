import Foundation

struct EmulatedStatus: Sendable {
    var id: Int
    var sha: String
    var state: String
    var context: String
    var description: String?
    var targetURL: String?
    var creator: EmulatedUser
    var createdAt: Date
}

import Foundation

struct EmulatedComment: Sendable {
    var id: Int
    var issueNumber: Int
    var body: String
    var author: EmulatedUser
    var createdAt: Date
    var updatedAt: Date
    var reactions: [EmulatedReaction] = []
}

import Foundation

struct EmulatedReview: Sendable {
    var id: Int
    var author: EmulatedUser
    var body: String
    var state: String
    var commitID: String
    var submittedAt: Date
}

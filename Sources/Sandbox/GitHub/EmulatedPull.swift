import Foundation

struct EmulatedPull: Sendable {
    var id: Int
    var number: Int
    var head: String
    var base: String
    var headSHA: String
    var baseSHA: String
    var draft: Bool
    var merged = false
    var mergedAt: Date?
    var mergeCommitSHA: String?
    var mergedBy: EmulatedUser?
    var reviews: [EmulatedReview] = []
    var files: [EmulatedFile] = []
}

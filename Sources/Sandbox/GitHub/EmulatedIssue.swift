import Foundation

struct EmulatedIssue: Sendable {
    var id: Int
    var number: Int
    var title: String
    var body: String?
    var state = "open"
    var stateReason: String?
    var locked = false
    var lockReason: String?
    var labels: [String] = []
    var author: EmulatedUser
    var assignees: [String] = []
    var createdAt: Date
    var updatedAt: Date
    var closedAt: Date?
    var closedBy: EmulatedUser?
    var isPull = false
    /// Reads that still answer 404 (read-after-write lag).
    var hiddenReads = 0
}

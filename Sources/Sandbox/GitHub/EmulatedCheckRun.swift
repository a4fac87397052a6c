import Foundation
import JSON

struct EmulatedCheckRun: Sendable {
    var id: Int
    var name: String
    var headSHA: String
    var status: String
    var conclusion: String?
    var externalID: String?
    var detailsURL: String?
    var startedAt: Date?
    var completedAt: Date?
    var title: String?
    var summary: String?
    var text: String?
    var annotations: [JSONValue] = []
    var annotationRequests: [Int] = []
}

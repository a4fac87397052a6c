import Foundation

struct EmulatedLabel: Sendable {
    var id: Int
    var name: String
    var color: String
    var description: String?
}

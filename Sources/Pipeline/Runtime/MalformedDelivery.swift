import Foundation
import GitHub
import PFBotCore
import Storage

/// A stored delivery whose payload does not parse; retrying will not help (it is kept for people to look at).
struct MalformedDelivery: PermanentJobFailure, CustomStringConvertible {
    var id: String
    var reason: String
    var description: String { "webhook delivery \(id) cannot be parsed: \(reason)" }
}

import Foundation
import GitHub
import PFBotCore
import Storage

/// A webhook job names a delivery the inbox does not hold (removed by hand); retrying cannot help.
struct MissingDelivery: PermanentJobFailure, CustomStringConvertible {
    var id: String
    var description: String { "webhook delivery \(id) is not in the inbox; ask GitHub to redeliver it if it still matters" }
}

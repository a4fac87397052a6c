import Foundation
import JSON

/// An HTTP request as the emulator's handlers see it.
struct GitHubEmulatorRequest: Sendable {
    var method: String
    var path: String
    var query: [String: String]
    /// Headers by lower-cased name.
    var headers: [String: String]
    var body: Data

    var segments: [String] {
        path.split(separator: "/").map { $0.removingPercentEncoding ?? String($0) }
    }

    var json: JSONValue? { body.isEmpty ? .object([:]) : JSONValue.decode(body) }
}

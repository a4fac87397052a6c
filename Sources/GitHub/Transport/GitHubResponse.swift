import Foundation

/// A raw response: status, lower-cased headers and body.
struct GitHubResponse: Sendable {
    var status: Int
    var headers: [String: String]
    var body: Data

    var link: LinkHeader { LinkHeader(headers["link"]) }
}

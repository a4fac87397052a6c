import Foundation

/// One REST call as the transport sees it.
struct GitHubRequest: Sendable {
    /// Which credential a call uses.
    enum Credential: Sendable {
        /// The installation token, PAT or Actions token.
        case installation
        /// The App JWT (App-level endpoints).
        case app
    }

    var method: String
    /// A path below the base URL (`/repos/o/r`) or an absolute URL from a `Link` header.
    var path: String
    var query: [(String, String)] = []
    var body: Data?
    var credential: Credential = .installation
    /// Retry a 404 (an object named in a just-received webhook may not be readable yet).
    var retryNotFound = false
    /// Exempt from write spacing (token minting is not content creation).
    var exemptFromSpacing = false

    var isWrite: Bool { method != "GET" && method != "HEAD" }
}

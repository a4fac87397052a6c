import Foundation
import JSON

/// One repository-scoped call, with its path below `/repos/{owner}/{repo}`.
struct RepoCall: Sendable {
    var key: String
    var rest: [String]
    var query: [String: String]
    var body: JSONValue
    var actor: EmulatedUser
    var identity: EmulatedIdentity

    /// Matches `rest` against a pattern like `issues/:/comments`; returns the `:` segments.
    func match(_ pattern: String) -> [String]? {
        let parts = pattern.split(separator: "/").map(String.init)
        guard parts.count == rest.count else { return nil }
        var captured: [String] = []
        for (part, segment) in zip(parts, rest) {
            if part == ":" { captured.append(segment) } else if part != segment { return nil }
        }
        return captured
    }
}

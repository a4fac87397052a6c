import Foundation

/// Names a repository: `owner/name`.
public struct RepositoryRef: Sendable, Hashable, CustomStringConvertible {
    /// The owner login.
    public var owner: String
    /// The repository name.
    public var name: String

    /// Creates a reference.
    public init(owner: String, name: String) {
        self.owner = owner
        self.name = name
    }

    /// Parses `owner/name`; nil when it is not exactly two non-empty parts.
    public init?(fullName: String) {
        let parts = fullName.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        self.init(owner: String(parts[0]), name: String(parts[1]))
    }

    /// `owner/name`.
    public var description: String { "\(owner)/\(name)" }

    /// `/repos/owner/name`, percent-encoded.
    var apiPath: String { "/repos/\(owner.pathEscaped)/\(name.pathEscaped)" }
}

extension String {
    /// The string escaped for use as one URL path segment.
    var pathEscaped: String {
        addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?#"))) ?? self
    }
}

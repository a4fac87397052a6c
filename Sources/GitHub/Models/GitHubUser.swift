import Foundation

/// A GitHub account as it appears inside other objects (`user`, `sender`, `owner`).
public struct GitHubUser: Codable, Sendable, Equatable {
    /// The login, e.g. `octocat` or `pfbot[bot]`.
    public var login: String
    /// The numeric account id.
    public var id: Int
    /// `User`, `Bot` or `Organization`; absent in some payloads.
    public var type: String?
    /// The profile page.
    public var htmlUrl: String?

    /// Creates an account value.
    public init(login: String, id: Int, type: String? = nil, htmlUrl: String? = nil) {
        self.login = login
        self.id = id
        self.type = type
        self.htmlUrl = htmlUrl
    }

    /// True for bot accounts: type `Bot` or a login ending in `[bot]`.
    public var isBot: Bool {
        type == "Bot" || login.lowercased().hasSuffix("[bot]")
    }
}

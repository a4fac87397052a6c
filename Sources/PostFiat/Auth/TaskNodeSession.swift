import Foundation

/// A wallet session: the `tasknode_session` cookie and what the Task Node said about it.
public struct TaskNodeSession: Codable, Sendable, Equatable {
    /// The cookie value (equals `session.id`).
    public var cookie: String
    /// The Task Node account id.
    public var accountID: String
    /// The wallet address that logged in.
    public var address: String
    /// When the session expires, if known.
    public var expiresAt: Date?

    /// A session.
    public init(cookie: String, accountID: String, address: String, expiresAt: Date?) {
        self.cookie = cookie
        self.accountID = accountID
        self.address = address
        self.expiresAt = expiresAt
    }

    /// Whether the session should be renewed at `now` (expired, or expiring within `margin` seconds).
    public func needsRenewal(at now: Date, margin: TimeInterval = 300) -> Bool {
        guard let expiresAt else { return false }
        return expiresAt.timeIntervalSince(now) <= margin
    }
}

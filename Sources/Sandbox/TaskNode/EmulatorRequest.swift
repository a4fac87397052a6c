import Foundation

/// A request as the emulator saw it; every request is recorded for assertions.
public struct EmulatorRequest: Sendable {
    /// `GET`, `POST`…
    public var method: String
    /// The path without the query.
    public var path: String
    /// Query parameters (last value wins).
    public var query: [String: String]
    /// Headers, names lowercased.
    public var headers: [String: String]
    /// The body bytes.
    public var body: Data
    /// When it arrived (emulator clock).
    public var receivedAt: Date

    /// A request.
    public init(method: String, path: String, query: [String: String] = [:], headers: [String: String] = [:],
                body: Data = Data(), receivedAt: Date = Date()) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.receivedAt = receivedAt
    }

    /// The `tasknode_session` cookie, if sent.
    public var sessionCookie: String? {
        guard let header = headers["cookie"] else { return nil }
        for part in header.split(separator: ";") {
            let pair = part.trimmingCharacters(in: .whitespaces)
            if pair.hasPrefix("tasknode_session=") { return String(pair.dropFirst("tasknode_session=".count)) }
        }
        return nil
    }
}

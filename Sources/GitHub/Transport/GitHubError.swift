import Foundation

/// What went wrong talking to GitHub, with enough context to act on.
public enum GitHubError: Error, CustomStringConvertible, Sendable {
    /// GitHub answered with an error status; `body` is its decoded error document when it had one.
    case http(status: Int, method: String, path: String, body: GitHubErrorBody?)
    /// A rate limit was still in force after the configured number of waits.
    case rateLimited(kind: RateLimitKind, attempts: Int, resetAt: Date?)
    /// The server kept failing with 5xx after the configured retries.
    case serverUnavailable(status: Int, attempts: Int)
    /// A response body could not be decoded into the expected model.
    case decoding(type: String, path: String, detail: String)
    /// The request could not be built (bad base URL, path or body).
    case invalidRequest(String)
    /// The network call itself failed.
    case transport(String)
    /// Authentication material was missing or unusable.
    case authentication(String)
    /// A response was larger than the client accepts.
    case responseTooLarge(path: String, limit: Int)

    /// The HTTP status for `.http` errors, else nil.
    public var status: Int? {
        if case .http(let status, _, _, _) = self { return status }
        return nil
    }

    /// A readable explanation and what to do about it.
    public var description: String {
        switch self {
        case .http(let status, let method, let path, let body):
            let message = body?.message ?? "no error body"
            let details = body?.errors?.map { $0.summary }.joined(separator: "; ") ?? ""
            return "GitHub answered \(status) to \(method) \(path): \(message)\(details.isEmpty ? "" : " (\(details))")\(Self.hint(for: status))"
        case .rateLimited(let kind, let attempts, let resetAt):
            let reset = resetAt.map { " until \($0)" } ?? ""
            return "GitHub \(kind.rawValue) rate limit still in force after \(attempts) waits\(reset); slow down or wait and retry later."
        case .serverUnavailable(let status, let attempts):
            return "GitHub kept answering \(status) after \(attempts) attempts; check https://www.githubstatus.com and retry later."
        case .decoding(let type, let path, let detail):
            return "Could not decode \(type) from \(path): \(detail). The response shape is unexpected; report it with the request id."
        case .invalidRequest(let why):
            return "Invalid GitHub request: \(why)."
        case .transport(let why):
            return "Network error talking to GitHub: \(why). Check connectivity and the configured base URL."
        case .authentication(let why):
            return "GitHub authentication failed: \(why)."
        case .responseTooLarge(let path, let limit):
            return "GitHub response for \(path) exceeded \(limit) bytes; it was not read."
        }
    }

    private static func hint(for status: Int) -> String {
        switch status {
        case 401: return ". Check the token or the App's private key and installation id."
        case 403: return ". The token lacks permission for this call; check the App's permissions or the token's scopes."
        case 404: return ". Check the owner, repository and number, and that the token can see the repository."
        case 410: return ". The resource is gone (disabled or deleted)."
        case 422: return ". GitHub rejected the input; fix the fields named above."
        default: return "."
        }
    }
}

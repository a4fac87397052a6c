import AsyncHTTPClient
import Foundation

/// The GitHub REST client: typed calls over AsyncHTTPClient, with rate-limit manners built in.
///
/// ```swift
/// let client = try await GitHubClient(configuration: .init(authentication: .personalAccessToken(token)))
/// let issue = try await client.createIssue(repo, NewIssue(title: "Task 42"))
/// ```
public final class GitHubClient: GitHubAPI {
    let transport: GitHubTransport

    /// Creates a client.
    /// - Parameters:
    ///   - configuration: base URL, authentication and policy.
    ///   - httpClient: the HTTP client to use (the caller owns its lifecycle); defaults to `HTTPClient.shared`.
    ///   - clock: time and sleeping; the wall clock by default.
    /// - Throws: `GitHubError.authentication` when App credentials are unusable.
    public init(
        configuration: GitHubConfiguration, httpClient: HTTPClient = .shared, clock: any GitHubClock = SystemGitHubClock()
    ) async throws {
        self.transport = try await GitHubTransport(configuration: configuration, httpClient: httpClient, clock: clock)
    }

    // MARK: - Helpers for the endpoint files

    func get<T: Decodable>(_ type: T.Type, _ path: String, query: [(String, String)] = [], options: ReadOptions = .standard) async throws -> T {
        var request = GitHubRequest(method: "GET", path: path, query: query)
        request.retryNotFound = options.retryNotFound
        return try await transport.decode(type, from: request)
    }

    func write<T: Decodable>(_ type: T.Type, _ method: String, _ path: String, body: some Encodable) async throws -> T {
        let request = GitHubRequest(method: method, path: path, body: try encode(body, path: path))
        return try await transport.decode(type, from: request)
    }

    func writeWithoutResult(_ method: String, _ path: String, body: (some Encodable)?) async throws {
        let data = try body.map { try encode($0, path: path) }
        _ = try await transport.send(GitHubRequest(method: method, path: path, body: data))
    }

    /// Follows `Link: rel="next"` until the last page (or `maxPages`), or the first page `until` accepts.
    func paginate<T: Decodable>(_ type: T.Type, _ path: String, query: [(String, String)] = [], credential: GitHubRequest.Credential = .installation,
                                until: ([T]) -> Bool = { _ in false }) async throws -> [T] {
        var items: [T] = []
        var request = GitHubRequest(method: "GET", path: path, query: query + [("per_page", "100")])
        request.credential = credential
        for _ in 0..<transport.configuration.maxPages {
            let response = try await transport.send(request)
            let page = try GitHubTransport.decode([T].self, from: response.body, path: request.path)
            items += page
            guard !until(page), let next = response.link.next else { break }
            request = GitHubRequest(method: "GET", path: next)
            request.credential = credential
        }
        return items
    }

    private func encode(_ body: some Encodable, path: String) throws -> Data {
        do {
            return try GitHubJSON.encoder().encode(body)
        } catch {
            throw GitHubError.invalidRequest("cannot encode the body for \(path): \(error)")
        }
    }
}

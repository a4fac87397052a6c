import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Sends requests to GitHub with authentication, rate-limit handling, retries, write spacing and ETag caching.
final class GitHubTransport: Sendable {
    let configuration: GitHubConfiguration
    let clock: any GitHubClock
    private let httpClient: HTTPClient
    private let etags: ETagCache
    private let writes = WriteSerializer()
    private let tokens: InstallationTokenCache
    private let quota = RateLimitTracker()
    private let signer: AppJWTSigner?

    init(configuration: GitHubConfiguration, httpClient: HTTPClient, clock: any GitHubClock) async throws {
        self.configuration = configuration
        self.httpClient = httpClient
        self.clock = clock
        self.etags = ETagCache(capacity: configuration.policy.etagCacheSize)
        self.tokens = InstallationTokenCache(refreshMargin: configuration.tokenRefreshMargin)
        if case .app(let credentials, _) = configuration.authentication {
            self.signer = try await AppJWTSigner(credentials: credentials, clock: clock)
        } else {
            self.signer = nil
        }
    }

    /// Sends a request, serializing and spacing writes per installation.
    func send(_ request: GitHubRequest) async throws -> GitHubResponse {
        guard request.isWrite, !request.exemptFromSpacing else {
            return try await sendWithRetries(request)
        }
        let key = request.credential == .app ? "app" : configuration.authentication.writeKey
        let lastFinished = await writes.acquire(key)
        do {
            if let lastFinished {
                let due = lastFinished.addingTimeInterval(configuration.policy.writeSpacing)
                try await clock.sleep(seconds: due.timeIntervalSince(clock.now()))
            }
            let response = try await sendWithRetries(request)
            await writes.release(key, finishedAt: clock.now())
            return response
        } catch {
            await writes.release(key, finishedAt: clock.now())
            throw error
        }
    }

    /// Sends and decodes a JSON body.
    func decode<T: Decodable>(_ type: T.Type, from request: GitHubRequest) async throws -> T {
        let response = try await send(request)
        return try Self.decode(type, from: response.body, path: request.path)
    }

    static func decode<T: Decodable>(_ type: T.Type, from body: Data, path: String) throws -> T {
        do {
            return try GitHubJSON.decoder().decode(type, from: body)
        } catch {
            throw GitHubError.decoding(type: String(describing: type), path: path, detail: "\(error)")
        }
    }

    /// The credential of App-level calls, for callers that need the JWT itself.
    func appJWT() async throws -> String {
        guard let signer else {
            throw GitHubError.authentication("this call needs GitHub App authentication (an App id and private key)")
        }
        return try await signer.makeJWT()
    }

    // MARK: - Retry loop

    private func sendWithRetries(_ request: GitHubRequest) async throws -> GitHubResponse {
        let policy = configuration.policy
        var rateLimitWaits = 0
        var secondaryWait = policy.secondaryBaseWait
        var serverRetries = 0
        var notFoundRetries = 0
        while true {
            try await waitForKnownReset()
            let response = try await perform(request)
            await quota.record(RateLimitStatus { response.headers[$0] })
            if (200..<300).contains(response.status) { return response }
            if let limit = rateLimit(in: response) {
                rateLimitWaits += 1
                let wait: Double
                switch limit {
                case .primary(let resetAt):
                    wait = resetAt.map { $0.timeIntervalSince(clock.now()) + policy.resetSlack } ?? secondaryWait
                case .secondary(let retryAfter):
                    if let retryAfter {
                        wait = retryAfter
                    } else {
                        wait = secondaryWait
                        secondaryWait *= 2
                    }
                }
                guard rateLimitWaits <= policy.maxRateLimitWaits, wait <= policy.maxSingleWait else {
                    throw GitHubError.rateLimited(kind: limit.kind, attempts: rateLimitWaits - 1, resetAt: limit.resetAt)
                }
                try await clock.sleep(seconds: wait)
                continue
            }
            if response.status >= 500 {
                guard serverRetries < policy.maxServerErrorRetries else {
                    throw GitHubError.serverUnavailable(status: response.status, attempts: serverRetries + 1)
                }
                try await clock.sleep(seconds: policy.serverErrorBaseWait * pow(2, Double(serverRetries)))
                serverRetries += 1
                continue
            }
            if response.status == 404, request.retryNotFound, notFoundRetries < policy.notFoundRetries {
                notFoundRetries += 1
                try await clock.sleep(seconds: policy.notFoundDelay)
                continue
            }
            if response.status == 401, case .app(_, let installationID) = configuration.authentication {
                await tokens.invalidate(installationID)
            }
            throw GitHubError.http(
                status: response.status, method: request.method, path: request.path,
                body: try? GitHubJSON.decoder().decode(GitHubErrorBody.self, from: response.body))
        }
    }

    /// Holds a request while the last response said the quota is used up (primary limit), instead of spending it on a 403.
    private func waitForKnownReset() async throws {
        guard let resetAt = await quota.blockedUntil(now: clock.now()) else { return }
        let wait = resetAt.timeIntervalSince(clock.now()) + configuration.policy.resetSlack
        guard wait <= configuration.policy.maxSingleWait else {
            throw GitHubError.rateLimited(kind: .primary, attempts: 0, resetAt: resetAt)
        }
        try await clock.sleep(seconds: wait)
    }

    private enum LimitHit {
        case primary(resetAt: Date?)
        case secondary(retryAfter: Double?)

        var kind: RateLimitKind {
            if case .primary = self { return .primary }
            return .secondary
        }

        var resetAt: Date? {
            if case .primary(let resetAt) = self { return resetAt }
            return nil
        }
    }

    /// Classifies a 403/429 as GitHub documents: `retry-after` first, then an exhausted quota, then the message.
    private func rateLimit(in response: GitHubResponse) -> LimitHit? {
        guard response.status == 403 || response.status == 429 else { return nil }
        if let retryAfter = response.headers["retry-after"].flatMap({ Double($0) }) {
            return .secondary(retryAfter: retryAfter)
        }
        let status = RateLimitStatus { response.headers[$0] }
        if status.isExhausted { return .primary(resetAt: status.resetAt) }
        let message = (try? GitHubJSON.decoder().decode(GitHubErrorBody.self, from: response.body))?.message.lowercased() ?? ""
        if response.status == 429 || message.contains("secondary rate limit") || message.contains("abuse") {
            return .secondary(retryAfter: nil)
        }
        return nil
    }

    // MARK: - One exchange

    private func perform(_ request: GitHubRequest) async throws -> GitHubResponse {
        let url = try makeURL(for: request)
        var http = HTTPClientRequest(url: url)
        http.method = HTTPMethod(rawValue: request.method)
        http.headers.add(name: "User-Agent", value: configuration.userAgent)
        http.headers.add(name: "Accept", value: "application/vnd.github+json")
        http.headers.add(name: "X-GitHub-Api-Version", value: "2022-11-28")
        http.headers.add(name: "Authorization", value: try await authorization(for: request.credential))
        let cached = request.method == "GET" ? await etags.entry(for: url) : nil
        if let cached { http.headers.add(name: "If-None-Match", value: cached.etag) }
        if let body = request.body {
            http.headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
            http.body = .bytes(ByteBuffer(bytes: body))
        }
        let response: HTTPClientResponse
        let bytes: ByteBuffer
        do {
            response = try await httpClient.execute(http, timeout: .milliseconds(Int64(configuration.requestTimeout * 1000)))
            bytes = try await response.body.collect(upTo: configuration.maxResponseBytes)
        } catch is NIOTooManyBytesError {
            throw GitHubError.responseTooLarge(path: request.path, limit: configuration.maxResponseBytes)
        } catch let error as GitHubError {
            throw error
        } catch {
            throw GitHubError.transport("\(request.method) \(url): \(error)")
        }
        var headers: [String: String] = [:]
        for header in response.headers { headers[header.name.lowercased()] = header.value }
        let status = Int(response.status.code)
        if status == 304, let cached {
            var merged = headers
            if let link = cached.link { merged["link"] = link }
            return GitHubResponse(status: 200, headers: merged, body: cached.body)
        }
        let body = Data(bytes.readableBytesView)
        if request.method == "GET", status == 200, let etag = headers["etag"] {
            await etags.store(.init(etag: etag, body: body, link: headers["link"]), for: url)
        }
        return GitHubResponse(status: status, headers: headers, body: body)
    }

    private func makeURL(for request: GitHubRequest) throws -> String {
        let base = request.path.hasPrefix("http://") || request.path.hasPrefix("https://") ? request.path : configuration.baseURL + request.path
        guard var components = URLComponents(string: base) else {
            throw GitHubError.invalidRequest("cannot form a URL from \(base)")
        }
        if !request.query.isEmpty {
            components.queryItems = (components.queryItems ?? []) + request.query.map { URLQueryItem(name: $0.0, value: $0.1) }
        }
        guard let url = components.string else {
            throw GitHubError.invalidRequest("cannot form a URL from \(base)")
        }
        return url
    }

    private func authorization(for credential: GitHubRequest.Credential) async throws -> String {
        switch (configuration.authentication, credential) {
        case (.personalAccessToken(let token), .installation), (.actionsToken(let token), .installation):
            return "Bearer \(token)"
        case (.app, .app):
            return "Bearer \(try await appJWT())"
        case (.app(_, let installationID), .installation):
            let token = try await tokens.token(for: installationID, now: clock.now()) { [self] in
                try await self.mintInstallationToken(installationID)
            }
            return "token \(token.token)"
        case (.personalAccessToken, .app), (.actionsToken, .app):
            throw GitHubError.authentication("this call needs GitHub App authentication (an App id and private key)")
        }
    }

    /// `POST /app/installations/{id}/access_tokens` with the App JWT.
    func mintInstallationToken(_ installationID: Int) async throws -> InstallationToken {
        var request = GitHubRequest(method: "POST", path: "/app/installations/\(installationID)/access_tokens")
        request.credential = .app
        request.exemptFromSpacing = true
        return try await decode(InstallationToken.self, from: request)
    }
}

import Crypto
import Foundation
import JSON
import JWTKit

/// All of the emulator's data and the REST handlers that change it.
actor GitHubEmulatorState {
    var users: [String: EmulatedUser] = [:]
    var repositories: [String: EmulatedRepository] = [:]
    var apps: [Int: EmulatedApp] = [:]
    var installations: [Int: EmulatedInstallation] = [:]
    var userTokens: [String: String] = [:]
    var actionsTokens: Set<String> = []
    /// Actions tokens of jobs with read-only permissions.
    var readOnlyTokens: Set<String> = []
    var installationTokens: [String: (installation: Int, expiresAt: Date)] = [:]
    var recorded: [RecordedRequest] = []
    var faults = GitHubEmulatorFaults()
    var generator = SeededGenerator(seed: 1)
    var injectedLimits: [InjectedRateLimit] = []
    var injectedFailures: [Int] = []
    var rateLimit = 5_000
    var rateUsage: [String: (used: Int, resetAt: Date)] = [:]
    var payloads = EmulatorPayloads(apiBase: "http://127.0.0.1", webBase: "https://github.emulator")
    var nextID = 1_000
    /// Manifests posted to the web form, newest last, waiting for the "Create GitHub App" click.
    var pendingRegistrations: [PendingAppRegistration] = []
    /// Manifest codes issued and not yet exchanged.
    var manifestCodes: [String: IssuedManifestCode] = [:]
    /// Where responses are written as JSON lines, when recording.
    var recorder: ExchangeRecorder?
    /// Pull requests being merged (`owner/repo#n`), so a concurrent second merge is refused.
    var merging: Set<String> = []
    let now: @Sendable () -> Date
    let host: any RepositoryHost
    let dispatcher: WebhookDispatcher

    init(now: @escaping @Sendable () -> Date, host: any RepositoryHost, dispatcher: WebhookDispatcher) {
        self.now = now
        self.host = host
        self.dispatcher = dispatcher
    }

    func makeID() -> Int {
        nextID += 1
        return nextID
    }

    func setAPIBase(_ base: String) { payloads.apiBase = base }

    func setRecorder(_ recorder: ExchangeRecorder) { self.recorder = recorder }

    // MARK: - Request pipeline

    /// The REST API versions the emulator accepts in `X-GitHub-Api-Version`.
    static let apiVersions: Set<String> = ["2022-11-28"]

    /// Answers one request: faults, authentication, rate limits, routing, headers, ETags; then records it.
    func handle(_ request: GitHubEmulatorRequest) async -> GitHubEmulatorResponse {
        var response = await respond(to: request)
        if request.method == "GET", response.status == 200 {
            let etag = "\"" + SHA256.hash(data: response.body).prefix(16).map { String(format: "%02x", $0) }.joined() + "\""
            response.headers["etag"] = etag
            if request.headers["if-none-match"] == etag {
                response = GitHubEmulatorResponse(status: 304, headers: response.headers.filter { $0.key != "content-type" })
            }
        }
        recorded.append(
            RecordedRequest(method: request.method, path: request.path, query: request.query, headers: request.headers, body: request.body, status: response.status))
        await recorder?.recordResponse(method: request.method, path: request.path, status: response.status, body: response.body)
        return response
    }

    private func respond(to request: GitHubEmulatorRequest) async -> GitHubEmulatorResponse {
        if !injectedFailures.isEmpty {
            let status = injectedFailures.removeFirst()
            return .error(status, status >= 500 ? "Server Error" : "Injected failure")
        }
        if generator.chance(faults.serverErrorRate) {
            return .error(502, "Server Error")
        }
        if (request.headers["user-agent"] ?? "").isEmpty {
            return .error(403, "Request forbidden by administrative rules. Please make sure your request has a User-Agent header.")
        }
        if let version = request.headers["x-github-api-version"], !Self.apiVersions.contains(version) {
            return .error(400, "API version \(version) is not supported.")
        }
        if let unauthenticated = await routeUnauthenticated(request) { return unauthenticated }
        let identity: EmulatedIdentity
        switch await authenticate(request) {
        case .success(let found): identity = found
        case .failure(let error): return error.response
        }
        if let limited = consumeRateLimit(identity) { return limited }
        var response = await route(request, identity: identity)
        for (name, value) in rateHeaders(identity) { response.headers[name] = value }
        return response
    }

    // MARK: - Rate limits

    private func consumeRateLimit(_ identity: EmulatedIdentity) -> GitHubEmulatorResponse? {
        if !injectedLimits.isEmpty {
            switch injectedLimits.removeFirst() {
            case .primary(let resetAt):
                return .error(403, "API rate limit exceeded for \(identity.rateKey).", headers: [
                    "x-ratelimit-limit": String(rateLimit), "x-ratelimit-remaining": "0", "x-ratelimit-used": String(rateLimit),
                    "x-ratelimit-reset": String(Int(resetAt.timeIntervalSince1970)), "x-ratelimit-resource": "core",
                ])
            case .secondary(let retryAfter, let status):
                var headers = rateHeaders(identity)
                if let retryAfter { headers["retry-after"] = String(retryAfter) }
                return .error(status, "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.", headers: headers)
            }
        }
        if generator.chance(faults.secondaryRateLimitRate) {
            var headers = rateHeaders(identity)
            headers["retry-after"] = "1"
            return .error(generator.chance(0.5) ? 403 : 429,
                          "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.", headers: headers)
        }
        let current = now()
        var usage = rateUsage[identity.rateKey] ?? (0, current.addingTimeInterval(3_600))
        if usage.resetAt <= current { usage = (0, current.addingTimeInterval(3_600)) }
        usage.used += 1
        rateUsage[identity.rateKey] = usage
        if usage.used > rateLimit {
            return .error(403, "API rate limit exceeded for \(identity.rateKey).", headers: rateHeaders(identity))
        }
        return nil
    }

    private func rateHeaders(_ identity: EmulatedIdentity) -> [String: String] {
        let usage = rateUsage[identity.rateKey] ?? (0, now().addingTimeInterval(3_600))
        return [
            "x-ratelimit-limit": String(rateLimit), "x-ratelimit-remaining": String(max(0, rateLimit - usage.used)),
            "x-ratelimit-used": String(usage.used), "x-ratelimit-reset": String(Int(usage.resetAt.timeIntervalSince1970)),
            "x-ratelimit-resource": "core",
        ]
    }

    // MARK: - Authentication

    private func authenticate(_ request: GitHubEmulatorRequest) async -> Result<EmulatedIdentity, GitHubEmulatorResponseError> {
        guard let header = request.headers["authorization"] else {
            return .failure(GitHubEmulatorResponseError(.error(401, "Requires authentication")))
        }
        let parts = header.split(separator: " ", maxSplits: 1).map(String.init)
        guard parts.count == 2, ["bearer", "token"].contains(parts[0].lowercased()) else {
            return .failure(GitHubEmulatorResponseError(.error(401, "Bad credentials")))
        }
        let credential = parts[1]
        if credential.split(separator: ".").count == 3 {
            return await verifyJWT(credential)
        }
        if let login = userTokens[credential], let user = users[login] {
            return .success(.user(user))
        }
        if actionsTokens.contains(credential) {
            if readOnlyTokens.contains(credential), !["GET", "HEAD"].contains(request.method.uppercased()) {
                return .failure(GitHubEmulatorResponseError(.error(403, "Resource not accessible by integration")))
            }
            return .success(.installation(id: 0, bot: actionsBot))
        }
        if let record = installationTokens[credential], let installation = installations[record.installation], let app = apps[installation.appID] {
            guard record.expiresAt > now() else { return .failure(GitHubEmulatorResponseError(.error(401, "Bad credentials"))) }
            return .success(.installation(id: installation.id, bot: app.bot))
        }
        return .failure(GitHubEmulatorResponseError(.error(401, "Bad credentials")))
    }

    var actionsBot: EmulatedUser { EmulatedUser(login: "github-actions[bot]", id: 41_898_282, type: "Bot") }

    private func verifyJWT(_ token: String) async -> Result<EmulatedIdentity, GitHubEmulatorResponseError> {
        let undecodable = GitHubEmulatorResponseError(.error(401, "A JSON web token could not be decoded"))
        let parts = token.split(separator: ".")
        guard parts.count == 3, let payload = Self.base64URLDecode(String(parts[1])), let claims = JSONValue.decode(payload) else {
            return .failure(undecodable)
        }
        guard let iat = claims["iat"]?.intValue else {
            return .failure(GitHubEmulatorResponseError(.error(401, "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued.")))
        }
        guard let exp = claims["exp"]?.intValue else {
            return .failure(GitHubEmulatorResponseError(.error(401, "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires.")))
        }
        let issuer = claims["iss"]?.stringValue ?? claims["iss"]?.intValue.map(String.init)
        guard let issuer, let appID = Int(issuer), let app = apps[appID] else {
            return .failure(GitHubEmulatorResponseError(.error(401, "Integration not found")))
        }
        do {
            _ = try await app.keys.verify(token, as: EmulatedAppClaims.self)
        } catch {
            return .failure(undecodable)
        }
        let current = Int(now().timeIntervalSince1970)
        guard iat <= current + 60 else {
            return .failure(GitHubEmulatorResponseError(.error(401, "'Issued at' claim ('iat') must be an Integer representing a time in the past.")))
        }
        guard exp > current, exp <= current + 600 else {
            return .failure(GitHubEmulatorResponseError(.error(401, "'Expiration time' claim ('exp') is too far in the future or in the past.")))
        }
        return .success(.app(id: appID))
    }

    static func base64URLDecode(_ text: String) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64.append("=") }
        return Data(base64Encoded: base64)
    }

    // MARK: - Permissions

    func permission(of identity: EmulatedIdentity, on repo: EmulatedRepository) -> String {
        switch identity {
        case .user(let user):
            if user.login == repo.owner.login { return "admin" }
            return repo.permissions[user.login] ?? (repo.isPrivate ? "none" : "read")
        case .installation(let id, _):
            if id == 0 { return "write" }
            return installations[id]?.permission ?? "none"
        case .app:
            return "none"
        }
    }

    func canWrite(_ identity: EmulatedIdentity, _ repo: EmulatedRepository) -> Bool {
        ["admin", "maintain", "write"].contains(permission(of: identity, on: repo))
    }
}

import Foundation
import PFBotCore

/// The Task Node HTTP client (protocol §1–§7): wallet login, reading tasks, and signed direct-mode writes with
/// retries, rate-limit handling and idempotent replays.
///
/// ```swift
/// let client = TaskNodeClient(configuration: .init(baseURL: url), signer: wallet)
/// let listing = try await client.listTasks()
/// ```
public actor TaskNodeClient: TaskSource, TaskSink {
    let configuration: TaskNodeConfiguration
    let signer: any TransitionSigner
    let transport: any TaskNodeTransport
    let sessionStore: any SessionStore
    let pendingWrites: any PendingWriteStore
    let clock: any TaskNodeClock
    let sleeper: any RetrySleeper
    let jitter: any JitterSource
    var session: TaskNodeSession?
    var sessionLoaded = false
    var capLedger = AgentCapLedger()
    var loginInFlight: Task<TaskNodeSession, any Error>?

    /// A client.
    /// - Parameters:
    ///   - configuration: base URL, limits and retry rules.
    ///   - signer: the wallet.
    ///   - transport: the HTTP stack (default: AsyncHTTPClient).
    ///   - sessionStore: where the session cookie is kept between runs.
    ///   - pendingWrites: where unconfirmed writes are kept so retries reuse their `event_id`.
    ///   - clock, sleeper, jitter: time, waiting and randomness (injected for exact tests).
    public init(configuration: TaskNodeConfiguration, signer: any TransitionSigner,
                transport: any TaskNodeTransport = AsyncHTTPTransport(),
                sessionStore: any SessionStore = InMemorySessionStore(),
                pendingWrites: any PendingWriteStore = InMemoryPendingWriteStore(),
                clock: any TaskNodeClock = SystemClock(), sleeper: any RetrySleeper = TaskSleeper(),
                jitter: any JitterSource = SystemJitter()) {
        self.configuration = configuration
        self.signer = signer
        self.transport = transport
        self.sessionStore = sessionStore
        self.pendingWrites = pendingWrites
        self.clock = clock
        self.sleeper = sleeper
        self.jitter = jitter
    }

    // MARK: - Exchanges

    /// One HTTP exchange, read as JSON; non-2xx answers other than 401 become typed errors.
    func exchange(_ request: TaskNodeHTTPRequest, cookie: String?) async throws -> TaskNodeReply {
        var request = request
        if let cookie { request.headers.append((name: "Cookie", value: "tasknode_session=\(cookie)")) }
        let response = try await transport.send(request, baseURL: configuration.baseURL,
                                                maximumBodyBytes: configuration.maximumResponseBytes)
        let reply = try ReplyReader.read(response)
        if (200..<300).contains(reply.status) || reply.status == 401 { return reply }
        throw ReplyReader.error(for: reply)
    }

    /// An exchange with the session cookie: logs in first when needed, and on 401 logs in again and retries once.
    func authorized(_ request: TaskNodeHTTPRequest) async throws -> TaskNodeReply {
        let current = try await currentSession()
        let reply = try await exchange(request, cookie: current.cookie)
        guard reply.status == 401 else { return reply }
        let fresh = try await login()
        let retried = try await exchange(request, cookie: fresh.cookie)
        guard retried.status == 401 else { return retried }
        throw TaskNodeError.loginFailed(code: retried.code ?? "login_required", message: retried.json["message"]?.stringValue)
    }

    /// Runs `operation`, waiting and retrying on retryable errors (§6). `recheck` runs before each retry and may
    /// return a result that makes the retry unnecessary (e.g. the write is already visible).
    func withRetries<Result: Sendable>(
        _ operation: () async throws -> Result,
        recheck: (() async throws -> Result?)? = nil
    ) async throws -> Result {
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try await operation()
            } catch let error as TaskNodeError where error.isRetryable && attempt < configuration.retry.maximumAttempts {
                try await wait(after: error, attempt: attempt)
                if let recheck, let done = try? await recheck() { return done }
            }
        }
    }

    private func wait(after error: TaskNodeError, attempt: Int) async throws {
        switch error {
        case .rateLimited(_, let seconds):
            guard seconds <= configuration.retry.maximumRateLimitWaitSeconds else { throw error }
            try await sleeper.sleep(seconds: Double(seconds))
        case .agentCapReached:
            throw error
        default:
            try await sleeper.sleep(seconds: configuration.retry.backoff(afterAttempt: attempt, jitter: jitter.nextUnit()))
        }
    }

    /// A JSON POST request, after checking its keys against the route's contract.
    func post(_ path: String, _ body: LiteralJSON, allowed: Set<String>) throws -> TaskNodeHTTPRequest {
        try BodyContract.check(body, allowed: allowed, route: path)
        return TaskNodeHTTPRequest(method: "POST", path: path, body: body.encoded())
    }
}

import Foundation
import PostFiat

/// A loopback Task Node (protocol §10 checklist items 1–12): wallet login with real signature checks through an
/// injected ``SignatureChecker``, sessions, the task state machine and its guard errors, shared and per-wallet
/// rate limits, strict bodies, projection lag and reward decisions. Time comes from a ``SettableClock``.
///
/// Serve it with ``TaskNodeEmulatorServer``; drive it from tests with ``propose(_:)``,
/// ``requestVerification(taskID:ask:)`` and ``decideReward(taskID:decision:pft:)``.
public actor TaskNodeEmulator {
    /// The emulator's clock.
    public nonisolated let clock: SettableClock
    /// The tunables.
    public var options: TaskNodeEmulatorOptions
    let checker: any SignatureChecker

    struct Challenge {
        let id: String
        let address: String
        let message: String
        let expiresAt: Date
    }

    struct Session {
        let id: String
        let accountID: String
        let address: String
        let createdAt: Date
        let expiresAt: Date
    }

    struct TaskRequestRow {
        var requestID: String
        var wallet: String
        var text: String
        var kind: String
        var status: String
        var generatedTaskID: String?
        var updatedAt: Date
    }

    struct Fault {
        let response: EmulatorResponse
        let bodyContains: String?
        let afterHandling: Bool
    }

    struct Job {
        let dueAt: Date
        let taskOrRequestID: String
        let kind: JobKind
    }

    enum JobKind {
        case offer, review, reward
    }

    var challenges: [Challenge] = []
    var sessions: [String: Session] = [:]
    var tasks: [String: EmulatorTask] = [:]
    var requests: [String: TaskRequestRow] = [:]
    var eventOwners: [String: String] = [:]
    var sharedLimiter = FixedWindowLimiter()
    var agentUse: [String: [Date]] = [:]
    var jobs: [Job] = []
    var faults: [String: [Fault]] = [:]
    var reviewRounds: [String: Int] = [:]
    var injected = TaskNodeEmulatorFaults()
    var generator = SeededGenerator(seed: 1)
    /// Tasks whose last write is not yet in the read model: what reads show, and until when.
    var lagging: [String: (visible: EmulatorTask, until: Date)] = [:]
    /// Every request received, oldest first, with the status answered.
    public private(set) var recorded: [RecordedExchange] = []

    /// An emulator.
    /// - Parameters:
    ///   - checker: verifies wallet signatures and derives addresses.
    ///   - clock: the time source.
    ///   - options: tunables.
    public init(checker: any SignatureChecker, clock: SettableClock = SettableClock(), options: TaskNodeEmulatorOptions = .init()) {
        self.checker = checker
        self.clock = clock
        self.options = options
    }

    /// Changes the tunables.
    public func configure(_ change: @Sendable (inout TaskNodeEmulatorOptions) -> Void) {
        change(&options)
    }

    /// Makes the next `count` requests to `path` (whose body contains `bodyContains`, when given) answer with
    /// `response` verbatim (hostile-server tests). With `afterHandling` the request is processed first and its
    /// answer lost, as when a proxy fails after the write.
    public func injectFault(path: String, response: EmulatorResponse, count: Int = 1, bodyContains: String? = nil,
                            afterHandling: Bool = false) {
        let fault = Fault(response: response, bodyContains: bodyContains, afterHandling: afterHandling)
        faults[path, default: []].append(contentsOf: Array(repeating: fault, count: count))
    }

    private func takeFault(for request: EmulatorRequest) -> Fault? {
        guard var queue = faults[request.path], let position = queue.firstIndex(where: { fault in
            fault.bodyContains.map { String(decoding: request.body, as: UTF8.self).contains($0) } ?? true
        }) else { return nil }
        let fault = queue.remove(at: position)
        faults[request.path] = queue
        return fault
    }

    /// Handles one request: route policy, shared limit, auth, body validation, then the handler (protocol §1).
    public func handle(_ request: EmulatorRequest) -> EmulatorResponse {
        runDueWork()
        let response = dispatch(request)
        let code = (try? LiteralJSON.parse(response.body))?["error"]?.stringValue
        recorded.append(RecordedExchange(request: request, status: response.status, errorCode: code))
        return response
    }

    private func dispatch(_ request: EmulatorRequest) -> EmulatorResponse {
        if let fault = takeFault(for: request) {
            if fault.afterHandling { _ = dispatchPolicy(request) }
            return fault.response
        }
        if let drawn = drawFault(for: request) { return drawn }
        return dispatchPolicy(request)
    }

    /// The seeded faults of ``TaskNodeEmulatorFaults``: a shared-limit 429, or a 503 (for half of the writes, after the
    /// write was made).
    private func drawFault(for request: EmulatorRequest) -> EmulatorResponse? {
        guard let policy = RoutePolicy.find(request.path) else { return nil }
        if generator.chance(injected.rateLimitRate) {
            let seconds = max(1, injected.retryAfterSeconds)
            return rateLimited(policy: policy, verdict: FixedWindowLimiter.Verdict(allowed: false, limit: policy.sharedLimit?.limit ?? 20,
                                                                                   remaining: 0, retryAfterSeconds: seconds))
        }
        if generator.chance(injected.serverErrorRate) {
            if request.method == "POST", generator.chance(0.5) { _ = dispatchPolicy(request) }
            return json(503, ["ok": false, "error": "Service Unavailable"])
        }
        return nil
    }

    /// Replaces the injected faults (and restarts their generator from the seed).
    public func setFaults(_ faults: TaskNodeEmulatorFaults) {
        injected = faults
        generator = SeededGenerator(seed: faults.seed)
    }

    /// Ends every live session at once, as their expiry would: the next request with such a cookie is signed out
    /// (reads answer as signed out, writes `…_login_required`). Returns how many sessions ended.
    @discardableResult
    public func expireSessions() -> Int {
        let count = sessions.count
        sessions.removeAll()
        return count
    }

    /// The task as reads show it: the state before the last write while that write lags (``TaskNodeEmulatorFaults/projectionLagSeconds``).
    func readable(_ task: EmulatorTask) -> EmulatorTask {
        guard let lag = lagging[task.taskID], lag.until > clock.now() else { return task }
        return lag.visible
    }

    /// Holds a task's pre-write state in the read model for the projection lag (a lag under way keeps its older view).
    func lagReads(of task: EmulatorTask) {
        guard injected.projectionLagSeconds > 0 else { return }
        let now = clock.now()
        if let lag = lagging[task.taskID], lag.until > now { return }
        lagging[task.taskID] = (task, now.addingTimeInterval(injected.projectionLagSeconds))
    }

    private func dispatchPolicy(_ request: EmulatorRequest) -> EmulatorResponse {
        guard let policy = RoutePolicy.find(request.path) else {
            return json(404, ["ok": false, "error": "api_route_not_found"])
        }
        guard policy.methods.contains(request.method) else {
            return json(405, [
                "ok": false, "error": .string("\(policy.policyID)_method_not_allowed"), "route": .string(policy.path),
                "allowedMethods": .array(policy.methods.map { .string($0) }), "message": "This route does not accept that method.",
            ], headers: [("Allow", policy.methods.joined(separator: ", "))])
        }
        let session = liveSession(request)
        if let limit = policy.sharedLimit {
            let key = "\(policy.policyID):\(session?.accountID ?? "signed_out"):127.0.0.1:"
            let isWrite = policy.methods == ["POST"] && policy.auth == .handler
            let verdict = sharedLimiter.hit(key, limit: isWrite ? options.writeRouteSharedLimit : limit.limit, windowSeconds: limit.windowSeconds,
                                            now: clock.now())
            if !verdict.allowed { return rateLimited(policy: policy, verdict: verdict) }
        }
        var body: LiteralJSON = [:]
        if request.method == "POST" {
            do { body = try BodyValidator.validate(request, policy: policy) } catch {
                return json(error.status, [
                    "ok": false, "route": .string(policy.path), "error": .string(error.code),
                    "field": error.field.map { .string($0) } ?? .null,
                    "message": "The request body does not match this route's contract.",
                ])
            }
        }
        return route(policy.path, request: request, body: body, session: session)
    }

    private func route(_ path: String, request: EmulatorRequest, body: LiteralJSON, session: Session?) -> EmulatorResponse {
        switch path {
        case "/api/auth/wallet/start": return walletStart(body)
        case "/api/auth/wallet/verify": return walletVerify(body)
        case "/api/auth/logout": return logout(request)
        case "/api/session": return sessionState(session)
        case "/api/tasks": return listTasks(session)
        case "/api/tasks/detail": return taskDetail(request.query["taskId"], session: session)
        case "/api/tasks/requests": return listRequests(session)
        case "/api/profile/reward-history": return rewardHistory(request.query["range"], session: session)
        case "/api/tasks/request": return taskRequest(body, session: session)
        case "/api/tasks/action": return taskAction(body, session: session)
        default: return taskSubmission(body, session: session)
        }
    }

    func rateLimited(policy: RoutePolicy, verdict: FixedWindowLimiter.Verdict) -> EmulatorResponse {
        json(429, [
            "ok": false, "error": "rate_limited", "route": .string(policy.path),
            "message": "Too many requests. Try again after the retry window.",
            "retryAfterSeconds": .int(verdict.retryAfterSeconds),
        ], headers: [
            ("retry-after", String(verdict.retryAfterSeconds)), ("x-ratelimit-limit", String(verdict.limit)),
            ("x-ratelimit-remaining", String(verdict.remaining)),
        ])
    }

    func liveSession(_ request: EmulatorRequest) -> Session? {
        guard let cookie = request.sessionCookie, let session = sessions[cookie] else { return nil }
        guard session.expiresAt > clock.now() else {
            sessions.removeValue(forKey: cookie)
            return nil
        }
        return session
    }

    func json(_ status: Int, _ body: LiteralJSON, headers: [(String, String)] = []) -> EmulatorResponse {
        EmulatorResponse(status: status, headers: [("Content-Type", "application/json")] + headers.map { (name: $0.0, value: $0.1) },
                         body: Data(EmulatorCanonicalJSON.bytes(of: body)))
    }

    /// A handler error `{ok:false, action, error, message, actionRequired, ...extra}`.
    func handlerError(_ status: Int, action: String, code: String, message: String, extra: [String: LiteralJSON] = [:]) -> EmulatorResponse {
        var members: [String: LiteralJSON] = [
            "ok": false, "action": .string(action), "error": .string(code), "message": .string(message),
            "actionRequired": .string(Self.actionRequired(code)),
        ]
        for (key, value) in extra { members[key] = value }
        return json(status, .object(members))
    }

    static func actionRequired(_ code: String) -> String {
        if code.hasSuffix("_login_required") { return "login" }
        if code.hasSuffix("_wallet_required") { return "link_wallet" }
        if code.contains("rate_limited") { return "wait" }
        return "refresh"
    }

    static func randomHex(_ count: Int) -> String {
        (0..<count).map { _ in String(Int.random(in: 0..<16), radix: 16) }.joined()
    }
}

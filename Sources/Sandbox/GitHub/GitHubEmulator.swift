import AsyncHTTPClient
import Foundation
import Hummingbird
import JSON
import JWTKit
import Logging
import NIOCore

/// A loopback GitHub: the REST endpoints pfbot uses, App auth, rate limits, faults, and signed webhooks.
///
/// ```swift
/// let github = GitHubEmulator()
/// let baseURL = try await github.start()
/// try await github.createRepository(owner: "acme", name: "widgets")
/// await github.registerToken("pat-alice", for: "alice")
/// // … point a client at baseURL …
/// await github.stop()
/// ```
public final class GitHubEmulator: Sendable {
    let state: GitHubEmulatorState
    private let dispatcher: WebhookDispatcher
    let host: any RepositoryHost
    private let server = ServerHandle()

    /// Creates an emulator.
    /// - Parameters:
    ///   - host: where branches live; in memory by default.
    ///   - httpClient: used to deliver webhooks.
    ///   - now: the emulator's clock (token expiry, JWT checks, rate-limit windows, timestamps).
    public init(host: any RepositoryHost = InMemoryRepositoryHost(), httpClient: HTTPClient = .shared, now: @escaping @Sendable () -> Date = { Date() }) {
        let dispatcher = WebhookDispatcher(httpClient: httpClient, now: now)
        self.dispatcher = dispatcher
        self.host = host
        self.state = GitHubEmulatorState(now: now, host: host, dispatcher: dispatcher)
    }

    // MARK: - Lifecycle

    /// Starts the server on 127.0.0.1 with an ephemeral port; returns the API base URL (`http://127.0.0.1:PORT`).
    /// - Throws: `GitHubEmulatorError.startFailed` when the server cannot bind.
    public func start() async throws -> String {
        let (portStream, portContinuation) = AsyncStream<Int>.makeStream()
        let app = Application(
            responder: EmulatorResponder(state: state),
            configuration: .init(address: .hostname("127.0.0.1", port: 0), serverName: "GitHub.com-emulator"),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            },
            logger: Logger(label: "pfbot.sandbox.github", factory: { _ in SwiftLogNoOpLogHandler() })
        )
        let task = Task.detached {
            do {
                try await app.run()
            } catch {
                portContinuation.finish()
            }
        }
        await server.set(task)
        var iterator = portStream.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else {
            throw GitHubEmulatorError.startFailed("the server did not report a port")
        }
        let base = "http://127.0.0.1:\(port)"
        await state.setAPIBase(base)
        return base
    }

    /// Stops the server after queued webhooks are sent.
    public func stop() async {
        await dispatcher.flush()
        await server.cancel()
    }

    // MARK: - Set-up

    /// Adds an account; bots have type `Bot`. Returns its id.
    @discardableResult
    public func addUser(_ login: String, type: String = "User") async -> Int {
        await state.addUser(login, type: type)
    }

    /// Creates a repository (and its owner account) in the emulator and the repository host.
    /// - Throws: what the repository host throws.
    public func createRepository(owner: String, name: String, defaultBranch: String = "main", isPrivate: Bool = false) async throws {
        let sha = try await host.createRepository(owner: owner, name: name, defaultBranch: defaultBranch)
        await state.createRepository(owner: owner, name: name, defaultBranch: defaultBranch, isPrivate: isPrivate, initialSHA: sha)
    }

    /// Gives a user a role on a repository: `admin`, `maintain`, `write`, `triage`, `read` or `none`.
    public func setPermission(owner: String, repo: String, user: String, permission: String) async {
        await state.setPermission(key: "\(owner)/\(repo)", user: user, permission: permission)
    }

    /// Makes `token` a personal access token of `login` (the user is created if needed).
    public func registerToken(_ token: String, for login: String) async {
        await state.registerToken(token, login: login)
    }

    /// Makes `token` an Actions `GITHUB_TOKEN` (acts as `github-actions[bot]` with write access).
    public func registerActionsToken(_ token: String) async {
        await state.registerActionsToken(token)
    }

    /// Registers a `GITHUB_TOKEN` of a job with `permissions: contents: read`: it reads like ``registerActionsToken(_:)``
    /// but every write is refused (403 "Resource not accessible by integration", as GitHub answers) and git pushes
    /// are denied.
    public func registerReadOnlyActionsToken(_ token: String) async {
        await state.registerActionsToken(token)
        await state.markReadOnly(token)
    }

    /// Registers a GitHub App by its public key (PEM), so its JWTs verify.
    /// - Throws: `GitHubEmulatorError.invalidKey` when the PEM is not an RSA public key.
    public func registerApp(id: Int, slug: String, publicKeyPEM: String) async throws {
        let key: JWTKit.Insecure.RSA.PublicKey
        do {
            key = try JWTKit.Insecure.RSA.PublicKey(pem: publicKeyPEM)
        } catch {
            throw GitHubEmulatorError.invalidKey("\(error)")
        }
        let keys = JWTKeyCollection()
        await keys.add(rsa: key, digestAlgorithm: .sha256)
        await state.registerApp(id: id, slug: slug, keys: keys)
    }

    /// Installs an App; `permission` is `write` or `read`, and `canWriteChecks` controls the checks permission.
    public func addInstallation(id: Int, appID: Int, permission: String = "write", canWriteChecks: Bool = true) async {
        await state.addInstallation(EmulatedInstallation(id: id, appID: appID, permission: permission, canWriteChecks: canWriteChecks))
    }

    /// Sends webhooks to `url`, signed with `secret`; nil stops sending (deliveries are still recorded).
    public func configureWebhooks(url: String?, secret: String) async {
        await dispatcher.configure(url: url, secret: secret)
    }

    /// Writes every REST response with a JSON body and every webhook payload from now on as JSON lines into
    /// `directory` (`rest.jsonl`, `webhooks.jsonl`), for checking against GitHub's published schemas.
    /// - Throws: `GitHubEmulatorError.recordingFailed` when the folder or its files cannot be written.
    public func recordExchanges(into directory: URL) async throws {
        let recorder = try ExchangeRecorder(directory: directory)
        await state.setRecorder(recorder)
        await dispatcher.setRecorder(recorder)
    }

    // MARK: - Faults and limits

    /// Replaces the fault set.
    public func setFaults(_ faults: GitHubEmulatorFaults) async {
        await state.setFaults(faults)
        await dispatcher.configureFaults(dropRate: faults.webhookDropRate, seed: faults.seed)
    }

    /// Answers the next `count` authenticated requests with this rate limit.
    public func injectRateLimit(_ limit: InjectedRateLimit, count: Int = 1) async {
        await state.inject(limit, count: count)
    }

    /// Answers the next `count` requests with `status` and GitHub's error body (a 5xx, or any error status).
    public func failNextRequests(status: Int = 502, count: Int = 1) async {
        await state.failNext(status: status, count: count)
    }

    /// Sets the hourly primary quota per identity (5,000 by default).
    public func setRateLimit(_ limit: Int) async {
        await state.setRateLimit(limit)
    }

    // MARK: - Observations

    /// Every request received, oldest first.
    public func requests() async -> [RecordedRequest] { await state.recorded }

    /// Every webhook delivery attempted, oldest first (waits for queued ones).
    public func deliveries() async -> [RecordedDelivery] {
        await dispatcher.flush()
        return await dispatcher.all
    }

    /// Waits until queued webhooks have been attempted.
    public func flushWebhooks() async { await dispatcher.flush() }

    /// A REST-shaped snapshot of an issue (nil when absent).
    public func issue(owner: String, repo: String, number: Int) async -> JSONValue? {
        await state.issueSnapshot(key: "\(owner)/\(repo)", number: number)
    }

    /// A REST-shaped snapshot of a pull request (nil when absent).
    public func pullRequest(owner: String, repo: String, number: Int) async -> JSONValue? {
        await state.pullSnapshot(key: "\(owner)/\(repo)", number: number)
    }

    /// Check runs on a repository, with every annotation received and the annotation count of each request.
    public func checkRuns(owner: String, repo: String) async -> [(run: JSONValue, annotations: [JSONValue], batches: [Int])] {
        await state.checkRunSnapshots(key: "\(owner)/\(repo)")
    }

    /// Commit statuses on a repository, oldest first.
    public func commitStatuses(owner: String, repo: String) async -> [JSONValue] {
        await state.statusSnapshots(key: "\(owner)/\(repo)")
    }

    /// The head of a branch in the repository host.
    /// - Throws: what the repository host throws.
    public func branchSHA(owner: String, repo: String, branch: String) async throws -> String? {
        try await host.branchSHA(owner: owner, name: repo, branch: branch)
    }
}

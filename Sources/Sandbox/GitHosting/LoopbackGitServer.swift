import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// A ``GitHTTPBackend`` on its own Hummingbird server bound to 127.0.0.1 on a free port, for tests and demos.
///
/// ```swift
/// let server = try await LoopbackGitServer.start(backend: backend)
/// defer { Task { await server.stop() } }
/// let url = server.url(owner: "acme", repository: "site")   // http://127.0.0.1:<port>/acme/site.git
/// ```
public final class LoopbackGitServer: Sendable {
    /// `http://127.0.0.1:<port>`.
    public let baseURL: URL
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    private init(baseURL: URL, group: ServiceGroup, task: Task<Void, any Error>) {
        self.baseURL = baseURL
        self.group = group
        self.task = task
    }

    /// Starts serving `backend` and returns once the port is bound.
    /// - Parameters:
    ///   - backend: the repositories and authoriser to serve.
    ///   - logger: the server's logger (default: warnings and worse only, to keep test output readable).
    public static func start(backend: GitHTTPBackend, logger: Logger? = nil) async throws -> LoopbackGitServer {
        let logger = logger ?? {
            var quiet = Logger(label: "pfbot.sandbox.git-http")
            quiet.logLevel = .warning
            return quiet
        }()
        let router = Router()
        backend.registerRoutes(on: router)
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let application = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: 0), serverName: "pfbot-git-sandbox"),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
                continuation.finish()
            },
            logger: logger
        )
        let group = ServiceGroup(services: [application], logger: logger)
        let task = Task.detached { try await group.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0, let url = URL(string: "http://127.0.0.1:\(port)") else {
            task.cancel()
            throw LoopbackServerError.didNotStart
        }
        return LoopbackGitServer(baseURL: url, group: group, task: task)
    }

    /// The clone URL of `<owner>/<repository>.git` on this server.
    public func url(owner: String, repository: String) -> String {
        baseURL.absoluteString + "/\(owner)/\(repository).git"
    }

    /// Shuts the server down gracefully and waits until it has stopped; connections a client keeps alive past
    /// `gracePeriod` are cut.
    public func stop(gracePeriod: Duration = .seconds(1)) async {
        await group.triggerGracefulShutdown()
        let task = self.task
        let deadline = Task {
            try await Task.sleep(for: gracePeriod)
            task.cancel()
        }
        _ = await task.result
        deadline.cancel()
    }
}

/// The loopback server failed to start.
public enum LoopbackServerError: Error, CustomStringConvertible {
    /// The server ended before reporting a bound port.
    case didNotStart

    /// What happened and what to check.
    public var description: String {
        switch self {
        case .didNotStart: return "The loopback git server did not bind a port on 127.0.0.1; check that loopback networking is available."
        }
    }
}

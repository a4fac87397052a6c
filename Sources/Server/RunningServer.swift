import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import ServiceLifecycle

/// pfbot's HTTP server, running: bound to its address (port 0 picks a free one) until ``stop()``.
public final class RunningServer: Sendable {
    /// The port actually bound.
    public let port: Int
    public let host: String
    private let runner: Task<Void, any Error>

    /// The base URL, e.g. `http://127.0.0.1:8080`.
    public var baseURL: String { "http://\(host):\(port)" }

    private init(host: String, port: Int, runner: Task<Void, any Error>) {
        self.host = host
        self.port = port
        self.runner = runner
    }

    /// Starts serving `router` and returns once the socket is bound. The server runs until ``stop()``, also when the
    /// service that started it is shut down gracefully (its task is detached, so it does not inherit that service's
    /// shutdown: `pfbot demo` stops its scenario first, then its servers).
    /// - Parameter limits: timeouts and the connection cap.
    /// - Throws: ``ServerStartError`` when the address cannot be bound.
    public static func start(router: Router<BasicRequestContext>, host: String, port: Int, limits: ConnectionLimits = ConnectionLimits(),
                             logger: Logger = Logger(label: "pfbot.server")) async throws -> RunningServer {
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let app = application(router: router, host: host, port: port, limits: limits, logger: logger) { bound in
            continuation.yield(bound)
            continuation.finish()
        }
        let runner = Task.detached {
            defer { continuation.finish() }
            try await app.runService(gracefulShutdownSignals: [])
        }
        var iterator = ports.makeAsyncIterator()
        guard let bound = await iterator.next(), bound > 0 else {
            runner.cancel()
            throw ServerStartError(host: host, port: port)
        }
        return RunningServer(host: host, port: bound, runner: runner)
    }

    /// The same server as a service for a `ServiceGroup` (`pfbot serve`): it binds when the group runs it, calls
    /// `onRunning` with the port bound, and on graceful shutdown stops accepting and finishes the requests in flight.
    /// - Parameters:
    ///   - router: the routes.
    ///   - host: the address to bind.
    ///   - port: the port; 0 picks a free one.
    ///   - limits: timeouts and the connection cap.
    ///   - logger: the server's logger.
    ///   - onRunning: called once the socket is bound, with its port.
    public static func service(router: Router<BasicRequestContext>, host: String, port: Int, limits: ConnectionLimits = ConnectionLimits(),
                               logger: Logger, onRunning: @escaping @Sendable (Int) async -> Void) -> any Service {
        application(router: router, host: host, port: port, limits: limits, logger: logger, onRunning: onRunning)
    }

    private static func application(router: Router<BasicRequestContext>, host: String, port: Int, limits: ConnectionLimits, logger: Logger,
                                    onRunning: @escaping @Sendable (Int) async -> Void) -> some ApplicationProtocol {
        Application(
            router: router,
            server: .http1(configuration: .init(
                additionalChannelHandlers: [ConnectionDeadlineHandler(headerTimeout: TimeAmount(limits.headerTimeout),
                                                                      readTimeout: TimeAmount(limits.readTimeout))],
                idleTimeout: TimeAmount(limits.idleTimeout)
            )),
            configuration: .init(address: .hostname(host, port: port), serverName: "pfbot",
                                 availableConnectionsDelegate: MaximumAvailableConnections(limits.maxConnections)),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: logger
        )
    }

    /// Stops accepting, finishes requests in flight, and returns when the server is down.
    public func stop() async {
        runner.cancel()
        _ = await runner.result
    }

    /// Waits until the server stops (for `pfbot serve`).
    public func wait() async throws {
        try await runner.value
    }
}

/// The server could not bind its address.
public struct ServerStartError: Error, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var description: String { "cannot listen on \(host):\(port); is another process using the port? Change server.host/server.port." }
}

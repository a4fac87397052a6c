import Foundation
import Hummingbird
import Logging
import NIOCore

/// Serves a ``TaskNodeEmulator`` over HTTP on a loopback port chosen by the system.
///
/// ```swift
/// let server = try await TaskNodeEmulatorServer.start(emulator)
/// defer { Task { await server.stop() } }
/// let url = server.baseURL
/// ```
public final class TaskNodeEmulatorServer: Sendable {
    /// The emulator served.
    public let emulator: TaskNodeEmulator
    /// The bound port.
    public let port: Int
    private let runner: Task<Void, any Error>

    /// `http://127.0.0.1:<port>`.
    public var baseURL: URL { URL(string: "http://127.0.0.1:\(port)") ?? URL(fileURLWithPath: "/") }

    private init(emulator: TaskNodeEmulator, port: Int, runner: Task<Void, any Error>) {
        self.emulator = emulator
        self.port = port
        self.runner = runner
    }

    /// Starts serving on `127.0.0.1`, port 0, and returns once the port is known.
    /// - Parameters:
    ///   - emulator: the emulator to serve.
    ///   - logLevel: the server's log level (default: only critical messages, so test output stays readable).
    /// - Throws: ``TaskNodeEmulatorServerError`` when the server does not come up.
    public static func start(_ emulator: TaskNodeEmulator, logLevel: Logger.Level = .critical) async throws -> TaskNodeEmulatorServer {
        var logger = Logger(label: "pfbot.sandbox.tasknode")
        logger.logLevel = logLevel
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            try await Self.respond(to: request, emulator: emulator)
        }
        let app = Application(
            responder: responder,
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
                continuation.finish()
            },
            logger: logger
        )
        let runner = Task.detached { try await app.runService(gracefulShutdownSignals: []) }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else {
            runner.cancel()
            throw TaskNodeEmulatorServerError.didNotStart
        }
        return TaskNodeEmulatorServer(emulator: emulator, port: port, runner: runner)
    }

    /// Stops the server.
    public func stop() async {
        runner.cancel()
        _ = await runner.result
    }

    private static func respond(to request: Request, emulator: TaskNodeEmulator) async throws -> Response {
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.canonicalName.lowercased()] = field.value }
        var query: [String: String] = [:]
        for (name, value) in request.uri.queryParameters { query[String(name)] = String(value) }
        let body: Data
        do {
            let buffer = try await request.body.collect(upTo: RoutePolicy.largestBodyLimit)
            body = Data(buffer.readableBytesView)
        } catch {
            let tooLarge = EmulatorResponse(status: 413, body: Data(#"{"ok":false,"error":"request_too_large"}"#.utf8))
            return makeResponse(tooLarge)
        }
        let incoming = EmulatorRequest(method: request.method.rawValue, path: request.uri.path, query: query, headers: headers,
                                       body: body, receivedAt: emulator.clock.now())
        return makeResponse(await emulator.handle(incoming))
    }

    private static func makeResponse(_ response: EmulatorResponse) -> Response {
        var fields = HTTPFields()
        for header in response.headers {
            if let name = HTTPFields.Element.Name(header.name) { fields.append(HTTPFields.Element(name: name, value: header.value)) }
        }
        return Response(status: .init(code: response.status), headers: fields,
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: response.body)))
    }
}

import Hummingbird
import Logging
import NIOCore
import XRPL

/// Serves a `LedgerEmulator` over HTTP JSON-RPC on a loopback port, optionally closing ledgers on a timer.
///
/// ```swift
/// let server = try await LedgerEmulatorServer.start(emulator: emulator)
/// defer { server.stop() }
/// let rpc = JSONRPCClient(configuration: .init(urls: [server.url]))
/// ```
public final class LedgerEmulatorServer: Sendable {
    /// The emulator behind the server.
    public let emulator: LedgerEmulator
    /// `http://127.0.0.1:<port>/`.
    public let url: String
    /// The bound port.
    public let port: Int
    private let serverTask: Task<Void, any Error>
    private let closeTask: Task<Void, Never>?

    private init(emulator: LedgerEmulator, port: Int, serverTask: Task<Void, any Error>, closeTask: Task<Void, Never>?) {
        self.emulator = emulator
        self.port = port
        url = "http://127.0.0.1:\(port)/"
        self.serverTask = serverTask
        self.closeTask = closeTask
    }

    /// Binds 127.0.0.1 on `port` (0 = any free port) and starts serving.
    /// - Parameters:
    ///   - closeInterval: when set, a ledger closes every interval.
    ///   - logger: the server's logger; by default only critical messages (cancellation on `stop()` logs errors).
    public static func start(
        emulator: LedgerEmulator, port: Int = 0, closeInterval: Duration? = nil,
        logger: Logger = LedgerEmulatorServer.quietLogger
    ) async throws -> LedgerEmulatorServer {
        let router = Router()
        router.post("/") { request, _ -> Response in
            let buffer = try await request.body.collect(upTo: 4 << 20)
            let (status, body) = await emulator.handle(body: Array(buffer.readableBytesView))
            let contentType = status == 200 ? "application/json" : "text/plain"
            return Response(
                status: HTTPResponse.Status(code: status), headers: [.contentType: contentType],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
        }
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
                continuation.finish()
            }, logger: logger)
        let serverTask = Task.detached { try await app.runService(gracefulShutdownSignals: []) }
        var bound = 0
        for await p in ports { bound = p }
        guard bound > 0 else {
            serverTask.cancel()
            throw XRPLError.rpc(method: "listen", reason: "the emulator server did not start on 127.0.0.1:\(port)")
        }
        let closeTask = closeInterval.map { interval in
            Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: interval)
                    if Task.isCancelled { break }
                    await emulator.closeLedger()
                }
            }
        }
        return LedgerEmulatorServer(emulator: emulator, port: bound, serverTask: serverTask, closeTask: closeTask)
    }

    /// A logger that only passes critical messages.
    public static var quietLogger: Logger {
        var logger = Logger(label: "pfbot.sandbox.ledger")
        logger.logLevel = .critical
        return logger
    }

    /// Stops the timer and the server.
    public func stop() {
        closeTask?.cancel()
        serverTask.cancel()
    }
}

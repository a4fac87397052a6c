import Hummingbird
import Logging

/// A Hummingbird server on `127.0.0.1`, port 0, run inside the benchmark process.
struct BenchServer: Sendable {
    /// The bound port.
    let port: Int
    private let runner: Task<Void, any Error>

    /// `http://127.0.0.1:<port>/webhooks/github`.
    var webhookURL: String { "http://127.0.0.1:\(port)/webhooks/github" }

    /// Starts serving `router` and returns once the port is known.
    static func start(_ router: Router<BasicRequestContext>, name: String) async throws -> BenchServer {
        var logger = Logger(label: "pfbot.bench.\(name)")
        logger.logLevel = .critical
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: 0), serverName: "pfbot-bench-\(name)"),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
                continuation.finish()
            },
            logger: logger
        )
        let runner = Task { try await app.runService(gracefulShutdownSignals: []) }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else {
            runner.cancel()
            throw WebhookIngestError.serverDidNotStart(name)
        }
        return BenchServer(port: port, runner: runner)
    }

    /// Stops the server and waits for it.
    func stop() async {
        runner.cancel()
        _ = await runner.result
    }
}

import Foundation
import Hummingbird
import Logging
import NIOCore

/// A loopback webhook endpoint that keeps every delivery it receives.
actor WebhookReceiver {
    struct Delivery: Sendable {
        var headers: [String: String]
        var body: Data
    }

    private(set) var received: [Delivery] = []
    private var task: Task<Void, Never>?

    func record(_ delivery: Delivery) { received.append(delivery) }

    /// Starts on an ephemeral port; returns the delivery URL.
    func start() async throws -> String {
        let router = Router()
        router.post("/hook") { [self] request, _ -> HTTPResponse.Status in
            let buffer = try await request.body.collect(upTo: 30 * 1024 * 1024)
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName] = field.value }
            await self.record(Delivery(headers: headers, body: Data(buffer.readableBytesView)))
            return .ok
        }
        let (stream, continuation) = AsyncStream<Int>.makeStream()
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
                continuation.finish()
            },
            logger: Logger(label: "test.webhooks", factory: { _ in SwiftLogNoOpLogHandler() }))
        task = Task { try? await app.run() }
        var iterator = stream.makeAsyncIterator()
        let port = await iterator.next() ?? 0
        return "http://127.0.0.1:\(port)/hook"
    }

    func stop() async {
        task?.cancel()
        await task?.value
    }
}

import Dispatch
import Foundation

/// Waits for SIGINT or SIGTERM.
final class ShutdownSignal {
    private let stream: AsyncStream<Void>
    private let sources: [any DispatchSourceSignal]

    private init(stream: AsyncStream<Void>, sources: [any DispatchSourceSignal]) {
        self.stream = stream
        self.sources = sources
    }

    /// Starts listening; the default handlers are replaced so the process can shut down gracefully.
    static func install() -> ShutdownSignal {
        let (stream, continuation) = AsyncStream<Void>.makeStream()
        let sources = [SIGINT, SIGTERM].map { number -> any DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { continuation.yield() }
            source.resume()
            return source
        }
        return ShutdownSignal(stream: stream, sources: sources)
    }

    /// Returns at the first signal.
    func wait() async {
        for await _ in stream { return }
    }
}

import Foundation

/// One run of `git http-backend`: the request body streamed to its stdin, its stdout collected.
///
/// Stdout is drained on a dedicated thread while stdin is written from a private serial queue, so the child
/// can never block on a full pipe and no blocking pipe I/O runs on Swift's cooperative pool; the caller's task
/// only suspends.
struct GitCGIProcess {
    let gitExecutable: URL
    let environment: [String: String]

    /// Runs the CGI program, feeding it `body`, and returns everything it wrote to stdout.
    func run<Body: AsyncSequence>(body: Body, toBytes: @escaping (Body.Element) -> Data) async throws -> Data {
        let process = Process()
        process.executableURL = gitExecutable
        process.arguments = ["http-backend"]
        process.environment = environment
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let reader = OutputCollector(handle: output.fileHandleForReading, process: process)
        let writer = InputWriter(handle: input.fileHandleForWriting)
        async let collected = reader.collect()
        do {
            for try await chunk in body { try await writer.write(toBytes(chunk)) }
        } catch {
            await writer.close()
            _ = try await collected
            throw error
        }
        await writer.close()
        return try await collected
    }
}

/// Reads a child's stdout to the end on its own thread, then waits for the child to exit.
private struct OutputCollector: @unchecked Sendable {
    // `FileHandle` and `Process` are used only by the one thread `collect` starts.
    let handle: FileHandle
    let process: Process

    func collect() async throws -> Data {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                let data = handle.readDataToEndOfFile()
                process.waitUntilExit()
                continuation.resume(returning: data)
            }
            thread.start()
        }
    }
}

/// Writes a child's stdin from a private serial queue, one chunk at a time, in order.
private struct InputWriter: @unchecked Sendable {
    // The `FileHandle` is only touched by blocks on `queue`, one at a time.
    let handle: FileHandle
    private let queue = DispatchQueue(label: "pfbot.sandbox.cgi-stdin")

    init(handle: FileHandle) { self.handle = handle }

    func write(_ data: Data) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            queue.async { continuation.resume(with: Result { try handle.write(contentsOf: data) }) }
        }
    }

    func close() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            queue.async {
                try? handle.close()
                continuation.resume()
            }
        }
    }
}

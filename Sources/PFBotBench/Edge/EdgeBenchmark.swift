import Foundation
import GitHub
import PFBotCore
import PFBotTestSupport
import SandboxWorld

/// `PFBotBench edge --pfbot PATH [--bodies N] [--slow N]`: `pfbot serve`, as its own process, under hostile
/// clients on loopback. 100 unsigned 26 MiB bodies at once (half declared by `Content-Length`, half chunked) while
/// a signed delivery is sent, then 100 connections trickling header lines that never end while `/healthz` and a
/// signed delivery are asked. Between the two, 100 chunked 26 MiB bodies with a well-formed signature that cannot
/// match (these must be read to be refused). Reports the server's peak RSS (`VmHWM`) after each phase, what was
/// refused, and how long the slow connections lived (header timeout 3 s, idle 3 s, read 10 s, as the edge test sets them).
enum EdgeBenchmark {
    static let hostileBodyBytes = 26 * 1024 * 1024
    static let secret = "bench-edge-secret"

    static func run(_ arguments: [String]) async throws {
        var pfbot = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("pfbot").path
        var bodies = 100
        var slow = 100
        var iterator = arguments.makeIterator()
        let usage = "usage: PFBotBench edge [--pfbot PATH] [--bodies N (1…200)] [--slow N (1…200)]"
        while let flag = iterator.next() {
            guard let value = iterator.next() else { throw BenchArgumentError("\(flag) needs a value; \(usage)") }
            switch flag {
            case "--pfbot": pfbot = value
            case "--bodies", "--slow":
                guard let number = Int(value), (1...200).contains(number) else { throw BenchArgumentError("\(flag) needs a number 1…200; \(usage)") }
                if flag == "--bodies" { bodies = number } else { slow = number }
            default: throw BenchArgumentError("unknown option \(flag); \(usage)")
            }
        }
        guard FileManager.default.isExecutableFile(atPath: pfbot) else { throw BenchArgumentError("no pfbot executable at \(pfbot); \(usage)") }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pfbot-bench-edge-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let world = try await SandboxWorld.start(directory: directory.appendingPathComponent("world"))
        let launched: (Process, Int)
        do {
            launched = try await launch(pfbot, world: world, directory: directory)
        } catch {
            await world.stop()
            throw error
        }
        let (server, port) = launched
        defer {
            server.terminate()
            server.waitUntilExit()
        }
        let idleRSS = EdgeLoad.peakResidentBytes(pid: server.processIdentifier) ?? 0

        let clock = ContinuousClock()
        let bodyStart = clock.now
        async let refusals = concurrently(bodies) { index in
            EdgeLoad.hostileBody(port: port, bodyBytes: Self.hostileBodyBytes, chunked: index % 2 == 1)
        }
        try await Task.sleep(for: .milliseconds(300))
        let signedDuringBodies = await signedDelivery("bench-edge-1", port: port)
        let refused = await refusals
        let bodySeconds = (clock.now - bodyStart).inSeconds
        let peakRSS = EdgeLoad.peakResidentBytes(pid: server.processIdentifier) ?? 0

        // Bodies with a well-formed signature that cannot match must be read to be refused: at most
        // server.max_concurrent_bodies at a time, each cut off at the limit.
        let forgedStart = clock.now
        let forgedSignature = "sha256=" + String(repeating: "0", count: 64)
        let forged = await concurrently(bodies) { _ in
            EdgeLoad.hostileBody(port: port, bodyBytes: Self.hostileBodyBytes, chunked: true, signature: forgedSignature, timeout: 60)
        }
        let forgedSeconds = (clock.now - forgedStart).inSeconds
        let peakAfterForged = EdgeLoad.peakResidentBytes(pid: server.processIdentifier) ?? 0

        let slowStart = clock.now
        async let slowClosed = concurrently(slow) { _ in EdgeLoad.slowHeaders(port: port, interval: 1, limit: 60) }
        try await Task.sleep(for: .seconds(1))
        let health = await EdgeLoad.onThread { EdgeLoad.request(port: port, method: "GET", path: "/healthz") }
        let signedDuringSlow = await signedDelivery("bench-edge-2", port: port)
        let closed = await slowClosed
        let slowSeconds = (clock.now - slowStart).inSeconds
        let peakAfterSlow = EdgeLoad.peakResidentBytes(pid: server.processIdentifier) ?? 0
        await world.stop()

        let by413 = refused.filter { $0 == .status(413) }.count
        let by401 = refused.filter { $0 == .status(401) }.count
        let closedTimes = closed.compactMap { $0 }
        let signedAccepted = [signedDuringBodies, signedDuringSlow].filter { $0 == 202 }.count
        let megabytes = { (bytes: Int) in Double(bytes) / 1_048_576 }
        print("pfbot serve under hostile clients on loopback (header timeout 3 s, idle 3 s, read 10 s; body limit 25 MiB)")
        print(String(repeating: "-", count: 78))
        print("measure                                              value")
        print("peak RSS before load (VmHWM)                         \(String(format: "%.1f", megabytes(idleRSS))) MiB")
        print("\(bodies) unsigned 26 MiB bodies: refused                    \(by413 + by401) (413: \(by413), 401: \(by401)) in \(String(format: "%.2f", bodySeconds)) s")
        print("peak RSS after the bodies (VmHWM)                    \(String(format: "%.1f", megabytes(peakRSS))) MiB")
        print("signed delivery during the bodies                    \(signedDuringBodies.map(String.init) ?? "no answer")")
        // A request waiting for a body slot sends nothing the server reads, so with the bench's 3 s idle timeout it
        // is closed before the 5 s slot wait would answer 503.
        let forged413 = forged.filter { $0 == .status(413) }.count
        let forged503 = forged.filter { $0 == .status(503) }.count
        let forgedClosed = forged.filter { $0 == .closed }.count
        let forgedRefused = forged413 + forged503 + forgedClosed
        print("\(bodies) forged-signature 26 MiB chunked bodies refused  \(forgedRefused) (413: \(forged413), 503: \(forged503), closed: \(forgedClosed)) in \(String(format: "%.2f", forgedSeconds)) s")
        print("peak RSS after the forged bodies (VmHWM)             \(String(format: "%.1f", megabytes(peakAfterForged))) MiB")
        print("\(slow) slow-header connections closed by the server    \(closedTimes.count), last after \(String(format: "%.1f", closedTimes.max() ?? 0)) s")
        print("/healthz and signed delivery during slow headers     \(health.map(String.init) ?? "no answer"), \(signedDuringSlow.map(String.init) ?? "no answer")")
        print("peak RSS at the end (VmHWM)                          \(String(format: "%.1f", megabytes(peakAfterSlow))) MiB")
        print(String(format: "BENCH edge peak_rss_mb=%.1f refused=%d bodies=%d signed_accepted=%d forged_refused=%d forged_peak_rss_mb=%.1f healthz=%d slow=%d slow_closed=%d slow_closed_s=%.1f slow_phase_s=%.1f",
                     megabytes(peakRSS), by413 + by401, bodies, signedAccepted, forgedRefused, megabytes(peakAfterForged), health ?? 0, slow,
                     closedTimes.count, closedTimes.max() ?? 0, slowSeconds))
    }

    /// Starts `pfbot serve` against the sandbox's emulators and reads its port from the log.
    static func launch(_ pfbot: String, world: SandboxWorld, directory: URL) async throws -> (Process, Int) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: pfbot)
        process.arguments = ["serve"]
        process.currentDirectoryURL = directory
        process.environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "PFBOT_SERVER_HOST": "127.0.0.1", "PFBOT_SERVER_PORT": "0", "PFBOT_LOG_LEVEL": "info",
            "PFBOT_GITHUB_WEBHOOK_SECRET": secret, "GITHUB_TOKEN": SandboxWorld.actionsToken,
            "PFBOT_GITHUB_REPOSITORY": "acme/tasks", "PFBOT_GITHUB_API_URL": world.github.apiURL, "PFBOT_GITHUB_WRITE_SPACING_MS": "0",
            "PFBOT_TASKNODE_URL": world.taskNodeURL, "PFBOT_WALLET_SEED": SandboxWorld.walletSeed,
            "PFBOT_DATA_DIR": directory.appendingPathComponent("data").path, "PFBOT_TASKNODE_POLL_INTERVAL_SECONDS": "3600",
            "PFBOT_SERVER_HEADER_TIMEOUT_SECONDS": "3", "PFBOT_SERVER_IDLE_TIMEOUT_SECONDS": "3", "PFBOT_SERVER_READ_TIMEOUT_SECONDS": "10",
        ]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let port: Int? = await EdgeLoad.onThread {
            var log = ""
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline {
                let chunk = errors.fileHandleForReading.availableData
                if chunk.isEmpty { return nil }
                log += String(decoding: chunk, as: UTF8.self)
                if let range = log.range(of: "listening on http://127.0.0.1:") {
                    // Keep draining the log so the server never blocks on a full pipe.
                    Thread { while !errors.fileHandleForReading.availableData.isEmpty {} }.start()
                    return Int(log[range.upperBound...].prefix(while: \.isNumber))
                }
            }
            return nil
        }
        guard let port, port > 0 else {
            process.terminate()
            throw BenchArgumentError("pfbot serve did not start (no 'listening on' line within 60 s)")
        }
        return (process, port)
    }

    static func concurrently<T: Sendable>(_ count: Int, _ client: @escaping @Sendable (Int) -> T) async -> [T] {
        await withTaskGroup(of: T.self) { group in
            for index in 0..<count { group.addTask { await EdgeLoad.onThread { client(index) } } }
            return await group.reduce(into: []) { $0.append($1) }
        }
    }

    static func signedDelivery(_ id: String, port: Int) async -> Int? {
        let body = Data(#"{"zen":"Keep it logically awesome.","hook_id":1}"#.utf8)
        let headers = ["Content-Type": "application/json", "X-GitHub-Event": "ping", "X-GitHub-Delivery": id,
                       "X-Hub-Signature-256": WebhookVerifier.signature(for: body, secret: secret)]
        return await EdgeLoad.onThread { EdgeLoad.request(port: port, path: "/webhooks/github", headers: headers, body: [UInt8](body)) }
    }
}

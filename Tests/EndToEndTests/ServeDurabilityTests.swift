import AsyncHTTPClient
import Foundation
import GitHub
import NIOCore
import PFBotTestSupport
import SandboxWorld
import Storage
import Testing

/// `pfbot serve` as a separate process, killed with SIGKILL in the middle of 1,000 webhook deliveries.
@Suite(.serialized) struct ServeDurabilityTests {
    static let secret = "durability-secret"

    @Test func sigkillDuring1000Deliveries_thenRestart_processesEveryDeliveryOnce() async throws {
        try await withSandboxWorld(prefix: "pfbot-serve") { world, directory in
            let environment = [
                "PFBOT_SERVER_HOST": "127.0.0.1", "PFBOT_SERVER_PORT": "0", "PFBOT_LOG_LEVEL": "info",
                "PFBOT_GITHUB_WEBHOOK_SECRET": Self.secret, "GITHUB_TOKEN": SandboxWorld.actionsToken,
                "PFBOT_GITHUB_REPOSITORY": "acme/tasks", "PFBOT_GITHUB_API_URL": world.github.apiURL, "PFBOT_GITHUB_WRITE_SPACING_MS": "0",
                "PFBOT_TASKNODE_URL": world.taskNodeURL, "PFBOT_WALLET_SEED": SandboxWorld.walletSeed,
                "PFBOT_DATA_DIR": directory.file("data"), "PFBOT_TASKNODE_POLL_INTERVAL_SECONDS": "3600",
                "PFBOT_SERVER_JOB_LEASE_SECONDS": "5", "PFBOT_SERVER_WORKERS": "4",
            ]
            let ids = (0..<1000).map { "delivery-\($0)" }
            var server = try await ServeProcess.launch(in: directory.path, environment: environment)
            var acknowledged = Set<String>()
            let killed = KillSwitch()
            let killer = Task { [server] in
                while !Task.isCancelled {
                    try await Task.sleep(for: .milliseconds(5))
                    if try await Self.countStored(directory) >= 300 {
                        await killed.trip()
                        server.kill()
                        return
                    }
                }
            }
            // Like GitHub, stop sending once the server is gone; what was not acknowledged is redelivered later.
            acknowledged.formUnion(await Self.post(ids, to: server.port, concurrency: 16, stop: killed).filter { $0.value == 202 }.keys)
            killer.cancel()
            server.kill()
            #expect(acknowledged.count >= 300 && acknowledged.count < 1000, "kill landed after \(acknowledged.count) acknowledgements")

            server = try await ServeProcess.launch(in: directory.path, environment: environment)
            let missing = ids.filter { !acknowledged.contains($0) }
            let redelivered = await Self.post(missing + Array(acknowledged.prefix(50)), to: server.port, concurrency: 16, stop: KillSwitch())
            #expect(missing.allSatisfy { redelivered[$0] == 202 || redelivered[$0] == 200 })
            #expect(acknowledged.prefix(50).allSatisfy { redelivered[$0] == 200 })

            let store = try await StoreFactory.open(.sqlite(path: directory.file("data/pfbot.sqlite")))
            var done = 0
            for _ in 0..<600 {
                done = try await store.jobCounts()[.done] ?? 0
                if done >= 1000 { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            let counts = try await store.jobCounts()
            var unprocessed = 0
            for id in ids where try await store.delivery(id)?.processedAt == nil { unprocessed += 1 }
            try await store.close()
            // The restarted server's other routes: its own metrics and the dashboard over the same store.
            let metrics = try await Self.get("/metrics", port: server.port)
            #expect(metrics.status == 200)
            #expect(metrics.body.contains(#"pfbot_webhooks_total{event="ping",outcome="queued"}"#))
            let dashboard = try await Self.get("/dashboard.json", port: server.port)
            #expect(dashboard.status == 200)
            #expect(dashboard.body.contains(#""generatedAt""#))
            #expect(try await Self.get("/dashboard", port: server.port).body.contains("pfbot dashboard"))
            server.kill()
            #expect(counts[.done] == 1000, "\(counts)")
            #expect(counts[.queued] == 0 && counts[.running] == 0 && counts[.dead] == 0, "\(counts)")
            #expect(unprocessed == 0)
        }
    }

    static func get(_ path: String, port: Int) async throws -> (status: Int, body: String) {
        let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)"), timeout: .seconds(5))
        let body = try await response.body.collect(upTo: 4 << 20)
        return (Int(response.status.code), String(buffer: body))
    }

    /// Posts a signed `ping` per id; returns each id's status (0 when the connection failed).
    static func post(_ ids: [String], to port: Int, concurrency: Int, stop: KillSwitch) async -> [String: Int] {
        await withTaskGroup(of: (String, Int).self) { group in
            var results: [String: Int] = [:]
            var iterator = ids.makeIterator()
            for _ in 0..<concurrency {
                guard let id = iterator.next() else { break }
                group.addTask { (id, await send(id, port: port)) }
            }
            for await (id, status) in group {
                results[id] = status
                if await stop.isTripped { continue }
                if let next = iterator.next() { group.addTask { (next, await send(next, port: port)) } }
            }
            return results
        }
    }

    static func send(_ id: String, port: Int) async -> Int {
        let body = Data(#"{"zen":"Keep it logically awesome.","hook_id":\#(abs(id.hashValue % 100_000))}"#.utf8)
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/webhooks/github")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "X-GitHub-Event", value: "ping")
        request.headers.add(name: "X-GitHub-Delivery", value: id)
        request.headers.add(name: "X-Hub-Signature-256", value: WebhookVerifier.signature(for: body, secret: secret))
        request.body = .bytes(ByteBuffer(data: body))
        do {
            return Int(try await HTTPClient.shared.execute(request, timeout: .seconds(3)).status.code)
        } catch {
            return 0
        }
    }

    static func countStored(_ directory: TemporaryDirectory) async throws -> Int {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try countStoredBlocking(directory) }) }
        }
    }

    static func countStoredBlocking(_ directory: TemporaryDirectory) throws -> Int {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sqlite3,sys\ntry:\n print(sqlite3.connect(sys.argv[1],timeout=5).execute('select count(*) from deliveries').fetchone()[0])\nexcept Exception:\n print(0)",
                             directory.file("data/pfbot.sqlite")]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        process.waitUntilExit()
        return Int(String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }
}

/// Set once the server has been killed.
actor KillSwitch {
    private(set) var isTripped = false
    func trip() { isTripped = true }
}

/// A running `pfbot serve`: started with the environment, port read from its log, killed with SIGKILL.
struct ServeProcess: Sendable {
    let pid: Int32
    let port: Int

    /// Starts the server from a dispatch thread (reading its log blocks; the cooperative pool must stay free for the
    /// in-process emulators the server talks to while starting).
    static func launch(in directory: String, environment: [String: String]) async throws -> ServeProcess {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try start(in: directory, environment: environment) })
            }
        }
    }

    static func start(in directory: String, environment: [String: String]) throws -> ServeProcess {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try CommandRunner().executable)
        process.arguments = ["serve"]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = environment
        env["PATH"] = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        process.environment = env
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var log = ""
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let chunk = errors.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            log += String(decoding: chunk, as: UTF8.self)
            if let range = log.range(of: "listening on http://127.0.0.1:") {
                let port = Int(log[range.upperBound...].prefix(while: \.isNumber)) ?? 0
                // Keep draining the log so the server never blocks on a full pipe.
                DispatchQueue.global().async { while !errors.fileHandleForReading.availableData.isEmpty {} }
                return ServeProcess(pid: process.processIdentifier, port: port)
            }
        }
        process.terminate()
        throw FixtureError.missing("pfbot serve did not start: \(log.suffix(2000))")
    }

    func kill() {
        _ = Foundation.kill(pid, SIGKILL)
        var status: Int32 = 0
        _ = waitpid(pid, &status, 0)
    }
}

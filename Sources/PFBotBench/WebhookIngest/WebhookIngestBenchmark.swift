import Foundation
import GitHub
import Hummingbird
import Logging
import Metrics
import PFBotCore
import Prometheus
import Server
import Storage

/// `PFBotBench webhook-ingest [--seconds N] [--concurrency 16,32,64] [--warmup-seconds N] [--single-seconds N]`:
/// durable webhooks per second and latency to the 202 of the real ingress (the router `pfbot serve` uses, signature
/// check, SQLite inbox with synchronous=FULL, Prometheus metrics) against a bare Hummingbird endpoint that only reads
/// the body and answers 202. Both servers run in this process on loopback; the load comes from wrk in another
/// process. The ingress runs twice: with group commit (its default) and with one transaction per delivery
/// (`batchLimit: 1`), to show what group commit buys.
enum WebhookIngestBenchmark {
    static let secret = "pfbot-bench-secret"
    static let fixtures = [
        ("issue_comment", "github/webhooks/issue_comment/created.payload.json"),
        ("issues", "github/webhooks/issues/opened.payload.json"),
        ("pull_request", "github/webhooks/pull_request/opened.payload.json"),
        ("push", "github/webhooks/push/payload.json"),
    ]
    static let targetPerSecond = 5000.0
    static let targetP99Milliseconds = 10.0

    struct Options {
        var seconds = 10
        var concurrency = [16, 32, 64]
        var warmupSeconds = 2
        var storeOnlyCount = 2_000
        var singleSeconds = 5
    }

    static func run(_ arguments: [String]) async throws {
        let options = try parse(arguments)
        let payloads = try loadPayloads()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pfbot-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let generator = try LoadGenerator(payloads: payloads, directory: directory.appendingPathComponent("wrk"))
        let databasePath = directory.appendingPathComponent("ingest.sqlite").path

        let storeOnly = try await storeOnlyRates(directory: directory, payloads: payloads, count: options.storeOnlyCount)

        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        LoggingSystem.bootstrap { StandardErrorLogHandler(label: $0) }
        let store = try await StoreFactory.open(.sqlite(path: databasePath))
        let readiness = [ReadinessCheck(name: "store") { _ = try await store.jobCounts() }]
        let ingress = WebhookIngress(store: store, authenticator: WebhookVerifier(secrets: [secret]), maxBodyBytes: ServerSettings.defaultMaxBodyBytes)
        let single = WebhookIngress(store: store, authenticator: WebhookVerifier(secrets: [secret]), maxBodyBytes: ServerSettings.defaultMaxBodyBytes, batchLimit: 1)
        let pfbot = try await BenchServer.start(ServerRouter.make(ingress: ingress, readiness: readiness, metrics: registry), name: "pfbot")
        let pfbotSingle = try await BenchServer.start(ServerRouter.make(ingress: single, readiness: readiness, metrics: registry), name: "pfbot-txn1")
        let bare = try await BenchServer.start(bareRouter(), name: "bare")

        _ = try await generator.run(url: bare.webhookURL, connections: 16, seconds: options.warmupSeconds, deliveryPrefix: "warm-bare")
        _ = try await generator.run(url: pfbot.webhookURL, connections: 16, seconds: options.warmupSeconds, deliveryPrefix: "warm-pfbot")

        var rows: [Row] = []
        for connections in options.concurrency {
            let bareResult = try await generator.run(url: bare.webhookURL, connections: connections, seconds: options.seconds, deliveryPrefix: "bare-c\(connections)")
            let pfbotResult = try await generator.run(url: pfbot.webhookURL, connections: connections, seconds: options.seconds, deliveryPrefix: "pfbot-c\(connections)")
            let singleResult = try await generator.run(url: pfbotSingle.webhookURL, connections: connections, seconds: options.singleSeconds,
                                                       deliveryPrefix: "txn1-c\(connections)")
            rows.append(Row(concurrency: connections, pfbot: pfbotResult, single: singleResult, bare: bareResult))
        }
        await pfbot.stop()
        await pfbotSingle.stop()
        await bare.stop()
        try await store.close()
        let accepted = queuedCount(registry)

        let reopened = try await StoreFactory.open(.sqlite(path: databasePath))
        let stored = try await reopened.jobCounts()[.queued] ?? 0
        try await reopened.close()

        printReport(options: options, payloads: payloads, storeOnly: storeOnly, rows: rows, accepted: accepted, stored: stored)
        guard stored == accepted else { throw WebhookIngestError.notDurable(accepted: accepted, stored: stored) }
    }

    /// Deliveries the ingress answered 202 ("queued"), read from its own Prometheus counter: it counts replies the
    /// server sent, including any wrk stopped waiting for when its time was up.
    static func queuedCount(_ registry: PrometheusCollectorRegistry) -> Int {
        let text = String(decoding: registry.emitToBuffer(), as: UTF8.self)
        return text.split(separator: "\n")
            .filter { $0.hasPrefix("pfbot_webhooks_total{") && $0.contains("outcome=\"queued\"") }
            .compactMap { $0.split(separator: " ").last.flatMap { Double($0) } }
            .reduce(0) { $0 + Int($1) }
    }

    /// Deliveries per second written straight to the store.
    struct StoreOnly {
        let serial: Double
        let concurrent: Double
        let batched: Double
    }

    /// One concurrency level's results.
    struct Row {
        let concurrency: Int
        let pfbot: LoadResult
        let single: LoadResult
        let bare: LoadResult
    }

    /// The comparison endpoint: reads the body like the ingress does, then answers 202 and does nothing else.
    static func bareRouter() -> Router<BasicRequestContext> {
        let router = Router()
        router.post("/webhooks/github") { request, _ -> Response in
            var request = request
            _ = try await request.collectBody(upTo: ServerSettings.defaultMaxBodyBytes)
            return Response(status: .accepted)
        }
        return router
    }

    /// Deliveries per second written straight to a fresh store (no HTTP): one at a time, 64 callers at once, and
    /// in batches of 64 per transaction; the ceiling the store puts on the ingress.
    static func storeOnlyRates(directory: URL, payloads: [SignedPayload], count: Int) async throws -> StoreOnly {
        let store = try await StoreFactory.open(.sqlite(path: directory.appendingPathComponent("store-only.sqlite").path))
        let bodies = payloads.map { (event: $0.event, body: [UInt8]($0.body.readableBytesView)) }
        let clock = ContinuousClock()
        var start = clock.now
        for index in 0..<count {
            let payload = bodies[index % bodies.count]
            _ = try await store.recordDelivery(Delivery(id: "serial-\(index)", event: payload.event, action: "created", body: payload.body, receivedAt: Date()))
        }
        let serial = Double(count) / (clock.now - start).inSeconds
        start = clock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<64 {
                group.addTask {
                    for index in stride(from: worker, to: count, by: 64) {
                        let payload = bodies[index % bodies.count]
                        _ = try await store.recordDelivery(Delivery(id: "concurrent-\(index)", event: payload.event, action: "created", body: payload.body, receivedAt: Date()))
                    }
                }
            }
            try await group.waitForAll()
        }
        let concurrent = Double(count) / (clock.now - start).inSeconds
        start = clock.now
        for first in stride(from: 0, to: count, by: 64) {
            let batch = (first..<min(first + 64, count)).map { index in
                Delivery(id: "batched-\(index)", event: bodies[index % bodies.count].event, action: "created", body: bodies[index % bodies.count].body, receivedAt: Date())
            }
            _ = try await store.recordDeliveries(batch)
        }
        let batched = Double(count) / (clock.now - start).inSeconds
        try await store.close()
        return StoreOnly(serial: serial, concurrent: concurrent, batched: batched)
    }

    static func printReport(options: Options, payloads: [SignedPayload], storeOnly: StoreOnly,
                            rows: [Row], accepted: Int, stored: Int) {
        let sizes = payloads.map { "\($0.event) \($0.body.readableBytes) B" }.joined(separator: ", ")
        print("Webhook ingest benchmark: signed POSTs to 127.0.0.1 from wrk (another process, 1 thread, closed loop), \(options.seconds) s per run")
        print("payloads: \(sizes); SQLite WAL synchronous=FULL in \(FileManager.default.temporaryDirectory.path)")
        print("pfbot: group commit (batchLimit 256); pfbot-txn1: one transaction per delivery, \(options.singleSeconds) s per run")
        print(String(repeating: "-", count: 100))
        print(pad("store only, serial recordDelivery", 44) + String(format: "%8.0f deliveries/s", storeOnly.serial))
        print(pad("store only, 64 concurrent recordDelivery", 44) + String(format: "%8.0f deliveries/s", storeOnly.concurrent))
        print(pad("store only, serial recordDeliveries of 64", 44) + String(format: "%8.0f deliveries/s", storeOnly.batched))
        print(String(repeating: "-", count: 100))
        print(pad("endpoint", 12) + pad("conns", 7) + pad("answered/s", 12) + pad("p50 ms", 9) + pad("p99 ms", 9) + pad("max ms", 9) + pad(">=400", 9) + pad("errors", 8) + "seconds")
        for row in rows {
            for (name, result) in [("pfbot", row.pfbot), ("pfbot-txn1", row.single), ("bare", row.bare)] {
                print(pad(name, 12) + pad("\(row.concurrency)", 7) + pad(String(format: "%.0f", result.completedPerSecond), 12)
                      + pad(String(format: "%.2f", result.p50Milliseconds), 9) + pad(String(format: "%.2f", result.p99Milliseconds), 9)
                      + pad(String(format: "%.2f", result.maxMilliseconds), 9) + pad("\(result.failedStatus)", 9) + pad("\(result.errors)", 8)
                      + String(format: "%.2f", result.seconds))
            }
            let ratio = row.pfbot.completedPerSecond / max(row.bare.completedPerSecond, 1e-9)
            let meets = row.pfbot.completedPerSecond >= targetPerSecond && row.pfbot.p99Milliseconds < targetP99Milliseconds
            print(pad("", 12) + pad("", 7) + String(format: "ratio pfbot/bare %.2f; target ≥ %.0f/s and p99 < %.0f ms: ", ratio, targetPerSecond, targetP99Milliseconds)
                  + (meets ? "met" : "missed"))
        }
        print(String(repeating: "-", count: 100))
        print("durability: the ingress answered 202 to \(accepted) deliveries (warm-up included); the reopened store holds \(stored) queued jobs: \(accepted == stored ? "ok" : "MISMATCH")")
        var fields = ["seconds=\(options.seconds)"]
        for row in rows {
            let c = "c\(row.concurrency)"
            fields.append(String(format: "\(c)_pfbot_per_s=%.0f", row.pfbot.completedPerSecond))
            fields.append(String(format: "\(c)_pfbot_p50_ms=%.2f", row.pfbot.p50Milliseconds))
            fields.append(String(format: "\(c)_pfbot_p99_ms=%.2f", row.pfbot.p99Milliseconds))
            fields.append(String(format: "\(c)_pfbot_max_ms=%.2f", row.pfbot.maxMilliseconds))
            fields.append(String(format: "\(c)_txn1_per_s=%.0f", row.single.completedPerSecond))
            fields.append(String(format: "\(c)_txn1_p99_ms=%.2f", row.single.p99Milliseconds))
            fields.append(String(format: "\(c)_bare_per_s=%.0f", row.bare.completedPerSecond))
            fields.append(String(format: "\(c)_bare_p99_ms=%.2f", row.bare.p99Milliseconds))
            fields.append(String(format: "\(c)_ratio=%.2f", row.pfbot.completedPerSecond / max(row.bare.completedPerSecond, 1e-9)))
            let failures = [row.pfbot, row.single, row.bare].reduce(0) { $0 + $1.errors + $1.failedStatus }
            fields.append("\(c)_errors=\(failures)")
        }
        fields.append(String(format: "store_serial_per_s=%.0f store_c64_per_s=%.0f store_batch64_per_s=%.0f", storeOnly.serial, storeOnly.concurrent, storeOnly.batched))
        fields.append("durable=\(accepted == stored ? "ok" : "mismatch") stored=\(stored)")
        print("BENCH webhook-ingest " + fields.joined(separator: " "))
    }

    static func parse(_ arguments: [String]) throws -> Options {
        var options = Options()
        var iterator = arguments.makeIterator()
        func seconds(_ flag: String, _ value: String, _ range: ClosedRange<Int>) throws -> Int {
            guard let seconds = Int(value), range.contains(seconds) else {
                throw WebhookIngestError.badArgument("\(flag) must be \(range.lowerBound)…\(range.upperBound)")
            }
            return seconds
        }
        while let flag = iterator.next() {
            guard let value = iterator.next() else { throw WebhookIngestError.badArgument("\(flag) needs a value") }
            switch flag {
            case "--seconds": options.seconds = try seconds(flag, value, 1...600)
            case "--single-seconds": options.singleSeconds = try seconds(flag, value, 1...600)
            case "--warmup-seconds": options.warmupSeconds = try seconds(flag, value, 1...60)
            case "--concurrency":
                let levels = value.split(separator: ",").compactMap { Int($0) }
                guard !levels.isEmpty, levels.allSatisfy({ (1...512).contains($0) }) else {
                    throw WebhookIngestError.badArgument("--concurrency takes a comma-separated list of 1…512")
                }
                options.concurrency = levels
            default:
                throw WebhookIngestError.badArgument("unknown option \(flag)")
            }
        }
        return options
    }

    static func loadPayloads() throws -> [SignedPayload] {
        try fixtures.map { event, path in
            let location = try fixturePath(path)
            guard let data = FileManager.default.contents(atPath: location) else { throw WebhookIngestError.missingFixture(location) }
            return SignedPayload(event: event, body: ByteBuffer(data: data), signature: WebhookVerifier.signature(for: data, secret: secret))
        }
    }

    static func fixturePath(_ relative: String) throws -> String {
        if let root = ProcessInfo.processInfo.environment["PFBOT_FIXTURES"] { return root + "/" + relative }
        var directory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("Tests/Fixtures/" + relative).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            directory.deleteLastPathComponent()
        }
        throw WebhookIngestError.missingFixture("Tests/Fixtures/\(relative)")
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.padding(toLength: max(width, text.count + 1), withPad: " ", startingAt: 0)
    }
}

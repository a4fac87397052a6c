import Foundation
import GitHub
import Hummingbird
import Prometheus
import Server
import Storage

/// `PFBotBench webhook-ingest [--count N] [--concurrency 16,64] [--warmup N]`: durable webhooks per second and
/// latency to the 202 of the real ingress (signature check, SQLite inbox with synchronous=FULL) against a bare
/// Hummingbird endpoint that only reads the body and answers 202, both in this process on loopback. The ingress
/// runs twice: with group commit (its default) and with one transaction per delivery (`batchLimit: 1`, at most
/// `--single-count` requests, since each costs a disk flush).
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
        var count = 20_000
        var concurrency = [16, 64]
        var warmup = 1_000
        var storeOnlyCount = 2_000
        var singleCount = 5_000
    }

    static func run() async throws {
        let options = try parse(Array(CommandLine.arguments.dropFirst(2)))
        let payloads = try loadPayloads()
        let generator = LoadGenerator(payloads: payloads)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pfbot-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let databasePath = directory.appendingPathComponent("ingest.sqlite").path

        let storeOnly = try await storeOnlyRates(directory: directory, payloads: payloads, count: options.storeOnlyCount)

        let store = try await StoreFactory.open(.sqlite(path: databasePath))
        let ingress = WebhookIngress(store: store, authenticator: WebhookVerifier(secrets: [secret]), maxBodyBytes: WebhookVerifier.maxBodyBytes)
        let readiness = [ReadinessCheck(name: "store") { _ = try await store.jobCounts() }]
        let single = WebhookIngress(store: store, authenticator: WebhookVerifier(secrets: [secret]), maxBodyBytes: WebhookVerifier.maxBodyBytes, batchLimit: 1)
        let pfbot = try await BenchServer.start(ServerRouter.make(ingress: ingress, readiness: readiness, metrics: PrometheusCollectorRegistry()), name: "pfbot")
        let pfbotSingle = try await BenchServer.start(ServerRouter.make(ingress: single, readiness: readiness, metrics: PrometheusCollectorRegistry()), name: "pfbot-txn1")
        let bare = try await BenchServer.start(bareRouter(), name: "bare")

        var pfbotAccepted = 0
        _ = try await generator.run(url: bare.webhookURL, count: options.warmup, concurrency: 16, deliveryPrefix: "warm-bare")
        pfbotAccepted += try await generator.run(url: pfbot.webhookURL, count: options.warmup, concurrency: 16, deliveryPrefix: "warm-pfbot").accepted

        var rows: [Row] = []
        for concurrency in options.concurrency {
            let bareResult = try await generator.run(url: bare.webhookURL, count: options.count, concurrency: concurrency, deliveryPrefix: "bare-c\(concurrency)")
            let pfbotResult = try await generator.run(url: pfbot.webhookURL, count: options.count, concurrency: concurrency, deliveryPrefix: "pfbot-c\(concurrency)")
            let singleResult = try await generator.run(url: pfbotSingle.webhookURL, count: min(options.count, options.singleCount), concurrency: concurrency,
                                                       deliveryPrefix: "txn1-c\(concurrency)")
            pfbotAccepted += pfbotResult.accepted + singleResult.accepted
            rows.append(Row(concurrency: concurrency, pfbot: pfbotResult, single: singleResult, bare: bareResult))
        }
        await pfbot.stop()
        await pfbotSingle.stop()
        await bare.stop()
        try await store.close()

        let reopened = try await StoreFactory.open(.sqlite(path: databasePath))
        let stored = try await reopened.jobCounts()[.queued] ?? 0
        try await reopened.close()

        printReport(options: options, payloads: payloads, storeOnly: storeOnly, rows: rows, accepted: pfbotAccepted, stored: stored)
        guard stored == pfbotAccepted else { throw WebhookIngestError.notDurable(accepted: pfbotAccepted, stored: stored) }
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
            _ = try await request.collectBody(upTo: WebhookVerifier.maxBodyBytes)
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
        let serial = Double(count) / LoadGenerator.seconds(clock.now - start)
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
        let concurrent = Double(count) / LoadGenerator.seconds(clock.now - start)
        start = clock.now
        for first in stride(from: 0, to: count, by: 64) {
            let batch = (first..<min(first + 64, count)).map { index in
                Delivery(id: "batched-\(index)", event: bodies[index % bodies.count].event, action: "created", body: bodies[index % bodies.count].body, receivedAt: Date())
            }
            _ = try await store.recordDeliveries(batch)
        }
        let batched = Double(count) / LoadGenerator.seconds(clock.now - start)
        try await store.close()
        return StoreOnly(serial: serial, concurrent: concurrent, batched: batched)
    }

    static func printReport(options: Options, payloads: [SignedPayload], storeOnly: StoreOnly,
                            rows: [Row], accepted: Int, stored: Int) {
        let sizes = payloads.map { "\($0.event) \($0.body.readableBytes) B" }.joined(separator: ", ")
        print("Webhook ingest benchmark: \(options.count) signed POSTs per run on 127.0.0.1, closed loop, AsyncHTTPClient in-process")
        print("payloads: \(sizes); SQLite WAL synchronous=FULL in \(FileManager.default.temporaryDirectory.path)")
        print("pfbot: group commit (batchLimit 256); pfbot-txn1: one transaction per delivery, \(min(options.count, options.singleCount)) POSTs per run")
        print(String(repeating: "-", count: 100))
        print(pad("store only, serial recordDelivery", 44) + String(format: "%8.0f deliveries/s", storeOnly.serial))
        print(pad("store only, 64 concurrent recordDelivery", 44) + String(format: "%8.0f deliveries/s", storeOnly.concurrent))
        print(pad("store only, serial recordDeliveries of 64", 44) + String(format: "%8.0f deliveries/s", storeOnly.batched))
        print(String(repeating: "-", count: 100))
        print(pad("endpoint", 12) + pad("conns", 7) + pad("accepted/s", 12) + pad("p50 ms", 9) + pad("p99 ms", 9) + pad("max ms", 9) + pad("non-202", 9) + pad("errors", 8) + "seconds")
        for row in rows {
            for (name, result) in [("pfbot", row.pfbot), ("pfbot-txn1", row.single), ("bare", row.bare)] {
                print(pad(name, 12) + pad("\(row.concurrency)", 7) + pad(String(format: "%.0f", result.acceptedPerSecond), 12)
                      + pad(String(format: "%.2f", result.percentile(0.5)), 9) + pad(String(format: "%.2f", result.percentile(0.99)), 9)
                      + pad(String(format: "%.2f", result.latencies.max() ?? 0), 9) + pad("\(result.otherStatus)", 9) + pad("\(result.errors)", 8)
                      + String(format: "%.2f", result.seconds))
            }
            let ratio = row.pfbot.acceptedPerSecond / max(row.bare.acceptedPerSecond, 1e-9)
            let meets = row.pfbot.acceptedPerSecond >= targetPerSecond && row.pfbot.percentile(0.99) < targetP99Milliseconds
            print(pad("", 12) + pad("", 7) + String(format: "ratio pfbot/bare %.2f; target ≥ %.0f/s and p99 < %.0f ms: ", ratio, targetPerSecond, targetP99Milliseconds)
                  + (meets ? "met" : "missed"))
        }
        print(String(repeating: "-", count: 100))
        print("durability: \(accepted) deliveries answered 202 (warm-up included), \(stored) queued jobs in the reopened store: \(accepted == stored ? "ok" : "MISMATCH")")
        var fields = ["count=\(options.count)"]
        for row in rows {
            let c = "c\(row.concurrency)"
            fields.append(String(format: "\(c)_pfbot_per_s=%.0f", row.pfbot.acceptedPerSecond))
            fields.append(String(format: "\(c)_pfbot_p50_ms=%.2f", row.pfbot.percentile(0.5)))
            fields.append(String(format: "\(c)_pfbot_p99_ms=%.2f", row.pfbot.percentile(0.99)))
            fields.append(String(format: "\(c)_pfbot_max_ms=%.2f", row.pfbot.latencies.max() ?? 0))
            fields.append(String(format: "\(c)_txn1_per_s=%.0f", row.single.acceptedPerSecond))
            fields.append(String(format: "\(c)_txn1_p99_ms=%.2f", row.single.percentile(0.99)))
            fields.append(String(format: "\(c)_bare_per_s=%.0f", row.bare.acceptedPerSecond))
            fields.append(String(format: "\(c)_bare_p99_ms=%.2f", row.bare.percentile(0.99)))
            fields.append(String(format: "\(c)_ratio=%.2f", row.pfbot.acceptedPerSecond / max(row.bare.acceptedPerSecond, 1e-9)))
            let failures = [row.pfbot, row.single, row.bare].reduce(0) { $0 + $1.errors + $1.otherStatus }
            fields.append("\(c)_errors=\(failures)")
        }
        fields.append(String(format: "store_serial_per_s=%.0f store_c64_per_s=%.0f store_batch64_per_s=%.0f", storeOnly.serial, storeOnly.concurrent, storeOnly.batched))
        fields.append("durable=\(accepted == stored ? "ok" : "mismatch") stored=\(stored)")
        print("BENCH webhook-ingest " + fields.joined(separator: " "))
    }

    static func parse(_ arguments: [String]) throws -> Options {
        var options = Options()
        var iterator = arguments.makeIterator()
        while let flag = iterator.next() {
            guard let value = iterator.next() else { throw WebhookIngestError.badArgument("\(flag) needs a value") }
            switch flag {
            case "--count":
                guard let count = Int(value), count > 0, count <= 1_000_000 else { throw WebhookIngestError.badArgument("--count must be 1…1000000") }
                options.count = count
            case "--single-count":
                guard let count = Int(value), count > 0, count <= 1_000_000 else { throw WebhookIngestError.badArgument("--single-count must be 1…1000000") }
                options.singleCount = count
            case "--warmup":
                guard let count = Int(value), count >= 0, count <= 100_000 else { throw WebhookIngestError.badArgument("--warmup must be 0…100000") }
                options.warmup = count
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
            let candidate = directory.appendingPathComponent("shared/fixtures/" + relative).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            directory.deleteLastPathComponent()
        }
        throw WebhookIngestError.missingFixture("shared/fixtures/\(relative)")
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.padding(toLength: max(width, text.count + 1), withPad: " ", startingAt: 0)
    }
}

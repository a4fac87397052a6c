import Foundation
import GitHub
import PFBotTestSupport
import Prometheus
@testable import Server
import Storage
import Testing

/// The edge of the real HTTP server (``RunningServer`` on loopback): bodies refused before or while they are read,
/// never buffered past the limit; the cap on bodies read at once; the deadlines on slow clients.
@Suite struct EdgeLimitsTests {
    static let secret = "edge"
    static let limit = 64 * 1024

    func withServer(maxConcurrentBodies: Int = 8, limits: ConnectionLimits = ConnectionLimits(),
                    _ body: @escaping @Sendable (Int, SQLStore) async throws -> Void) async throws {
        let directory = try TemporaryDirectory(prefix: "pfbot-edge")
        defer { directory.remove() }
        let store = try await StoreFactory.open(.sqlite(path: directory.file("pfbot.sqlite")))
        let ingress = WebhookIngress(store: store, authenticator: WebhookVerifier(secrets: ["old", Self.secret]), maxBodyBytes: Self.limit,
                                     maxConcurrentBodies: maxConcurrentBodies, metrics: PrometheusMetricsFactory(registry: PrometheusCollectorRegistry()))
        let router = ServerRouter.make(ingress: ingress, readiness: [], metrics: PrometheusCollectorRegistry())
        let server = try await RunningServer.start(router: router, host: "127.0.0.1", port: 0, limits: limits)
        do {
            try await body(server.port, store)
        } catch {
            await server.stop()
            try? await store.close()
            throw error
        }
        await server.stop()
        try await store.close()
    }

    @Test func declaredOversizedBody_is413_beforeItIsRead() async throws {
        try await withServer { port, store in
            // The client stops sending once answered; with a 64 KiB limit it is answered before its 8 MiB went out.
            let outcome = await EdgeLoad.onThread {
                EdgeLoad.hostileBody(port: port, bodyBytes: 8 << 20, chunked: false, signature: "sha256=" + String(repeating: "0", count: 64))
            }
            #expect(outcome == .status(413))
            let queued = try await store.jobCounts()[.queued] ?? 0
            #expect(queued == 0)
        }
    }

    @Test func chunkedBodyGrowingPastTheLimit_isCutOffWith413() async throws {
        try await withServer { port, store in
            let outcome = await EdgeLoad.onThread {
                EdgeLoad.hostileBody(port: port, bodyBytes: 8 << 20, chunked: true, signature: "sha256=" + String(repeating: "0", count: 64))
            }
            #expect(outcome == .status(413))
            let queued = try await store.jobCounts()[.queued] ?? 0
            #expect(queued == 0)
        }
    }

    @Test func unsignedBody_is401_beforeItIsRead() async throws {
        try await withServer { port, _ in
            let outcome = await EdgeLoad.onThread { EdgeLoad.hostileBody(port: port, bodyBytes: 8 << 20, chunked: true) }
            #expect(outcome == .status(401))
        }
    }

    @Test func signedBodyUpToTheLimit_isStoredWhole_withEitherSecret() async throws {
        try await withServer { port, store in
            let head = #"{"action":"created","pad":""#
            let json = Data((head + String(repeating: "p", count: Self.limit - head.utf8.count - 2) + #""}"#).utf8)
            #expect(json.count == Self.limit)
            for (index, secret) in ["old", Self.secret].enumerated() {
                let headers = ["X-GitHub-Event": "issue_comment", "X-GitHub-Delivery": "edge-\(index)",
                               "X-Hub-Signature-256": WebhookVerifier.signature(for: json, secret: secret)]
                let status = await EdgeLoad.onThread { EdgeLoad.request(port: port, path: "/webhooks/github", headers: headers, body: [UInt8](json)) }
                #expect(status == 202)
                let stored = try await store.delivery("edge-\(index)")
                #expect(stored?.body == [UInt8](json))
            }
        }
    }

    @Test func slowHeaders_areClosedAfterTheHeaderTimeout_whileHealthzAnswers() async throws {
        let limits = ConnectionLimits(headerTimeout: .seconds(2), readTimeout: .seconds(5), idleTimeout: .seconds(2), maxConnections: 64)
        try await withServer(limits: limits) { port, _ in
            async let slow = withTaskGroup(of: TimeInterval?.self) { group in
                for _ in 0..<20 { group.addTask { await EdgeLoad.onThread { EdgeLoad.slowHeaders(port: port, interval: 0.5, limit: 30) } } }
                return await group.reduce(into: [TimeInterval?]()) { $0.append($1) }
            }
            try await Task.sleep(for: .milliseconds(500))
            #expect(await EdgeLoad.onThread { EdgeLoad.request(port: port, method: "GET", path: "/healthz") } == 200)
            let closedAfter = await slow
            #expect(closedAfter.allSatisfy { $0.map { $0 <= 30 } ?? false }, "\(closedAfter)")
        }
    }

    @Test func bodySlots_waitThenRefuse_andGoToWaitersInOrder() async {
        let slots = BodySlots(count: 1)
        #expect(await slots.acquire(patience: .seconds(1)))
        #expect(await slots.acquire(patience: .milliseconds(100)) == false)
        async let waiter = slots.acquire(patience: .seconds(20))
        try? await Task.sleep(for: .milliseconds(100))
        slots.release()
        #expect(await waiter)
        slots.release()
        #expect(await slots.acquire(patience: .milliseconds(100)))
    }

    @Test func bodySlots_underABurst_everyoneGetsOne_andNoSlotIsLost() async {
        let slots = BodySlots(count: 2)
        let granted = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<200 {
                group.addTask {
                    // Patience far beyond the burst: the test is about no slot being lost, not about speed (a loaded
                    // machine may take seconds to run 200 hand-offs).
                    guard await slots.acquire(patience: .seconds(600)) else { return false }
                    await Task.yield()
                    slots.release()
                    return true
                }
            }
            return await group.reduce(into: 0) { $0 += $1 ? 1 : 0 }
        }
        #expect(granted == 200)
        // Both slots are free again.
        #expect(await slots.acquire(patience: .milliseconds(100)))
        #expect(await slots.acquire(patience: .milliseconds(100)))
        #expect(await slots.acquire(patience: .milliseconds(100)) == false)
    }

    @Test func unverifiedLabel_isKeptAfterTheEventNameCap() {
        let registry = PrometheusCollectorRegistry()
        let counters = WebhookCounters(factory: PrometheusMetricsFactory(registry: registry))
        for index in 0..<(WebhookCounters.maxEventNames * 5) { counters.count(event: "event-\(index)", outcome: "queued") }
        for outcome in ["unauthorized", "too_large", "busy"] {
            counters.count(event: WebhookCounters.unverifiedEvent, outcome: outcome)
            counters.count(event: WebhookCounters.unverifiedEvent, outcome: outcome)
        }
        let text = String(decoding: registry.emitToBuffer(), as: UTF8.self)
        for outcome in ["unauthorized", "too_large", "busy"] {
            #expect(text.contains(#"pfbot_webhooks_total{event="unverified",outcome="\#(outcome)"} 2"#), "\(outcome)")
            #expect(!text.contains(#"pfbot_webhooks_total{event="other",outcome="\#(outcome)"}"#))
        }
    }
}

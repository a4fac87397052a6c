import Foundation
import GitHub
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PFBotTestSupport
import Prometheus
@testable import Server
import Storage
import Testing

@Suite struct WebhookIngressTests {
    let secret = "It's a Secret to Everybody"

    func withServer(maxBody: Int = 25 * 1024 * 1024, _ body: @escaping @Sendable (any TestClientProtocol, SQLStore) async throws -> Void) async throws {
        let directory = try TemporaryDirectory(prefix: "pfbot-server")
        let store = try await StoreFactory.open(.sqlite(path: directory.file("pfbot.sqlite")))
        let ingress = WebhookIngress(store: store, authenticator: WebhookVerifier(secrets: ["retired secret", secret]), maxBodyBytes: maxBody)
        let readiness = [ReadinessCheck(name: "store") { _ = try await store.jobCounts() }]
        let router = ServerRouter.make(ingress: ingress, readiness: readiness, metrics: PrometheusCollectorRegistry())
        let app = Application(router: router)
        do {
            try await app.test(.router) { client in try await body(client, store) }
        } catch {
            try? await store.close()
            directory.remove()
            throw error
        }
        try await store.close()
        directory.remove()
    }

    func post(_ client: some TestClientProtocol, body: Data, signature: String?, delivery: String? = "d-1", event: String = "issue_comment") async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let signature { headers[HTTPField.Name("X-Hub-Signature-256")!] = signature }
        if let delivery { headers[HTTPField.Name("X-GitHub-Delivery")!] = delivery }
        headers[HTTPField.Name("X-GitHub-Event")!] = event
        return try await client.execute(uri: "/webhooks/github", method: .post, headers: headers, body: ByteBuffer(data: body))
    }

    @Test func signedFixture_isStoredOnce_andQueued() async throws {
        let body = try Fixtures.data("github/webhooks/issue_comment/created.payload.json")
        try await withServer { client, store in
            let signature = WebhookVerifier.signature(for: body, secret: secret)
            let first = try await post(client, body: body, signature: signature)
            #expect(first.status == .accepted)
            let again = try await post(client, body: body, signature: signature)
            #expect(again.status == .ok)
            #expect(String(buffer: again.body).contains("duplicate"))
            let stored = try #require(try await store.delivery("d-1"))
            #expect(Data(stored.body) == body)
            #expect(stored.event == "issue_comment")
            #expect(stored.action == "created")
            #expect(try await store.jobCounts()[.queued] == 1)
        }
    }

    @Test func objectWithoutAStringAction_isStored_withNoAction() async throws {
        try await withServer { client, store in
            let body = Data(#"{"action":5,"zen":"hi","nested":{"action":"x"}}"#.utf8)
            let response = try await post(client, body: body, signature: WebhookVerifier.signature(for: body, secret: secret), delivery: "d-9", event: "ping")
            #expect(response.status == .accepted)
            let stored = try #require(try await store.delivery("d-9"))
            #expect(stored.action == nil)
            #expect(Data(stored.body) == body)
        }
    }

    @Test func concurrentDeliveries_eachStoredOnceBeforeTheir202() async throws {
        let body = try Fixtures.data("github/webhooks/issue_comment/created.payload.json")
        try await withServer { client, store in
            let signature = WebhookVerifier.signature(for: body, secret: secret)
            let statuses = try await withThrowingTaskGroup(of: (String, HTTPResponse.Status).self) { group in
                for index in 0..<48 {
                    let id = "d-\(index % 32)"
                    group.addTask { (id, try await post(client, body: body, signature: signature, delivery: id).status) }
                }
                var all: [(String, HTTPResponse.Status)] = []
                for try await outcome in group { all.append(outcome) }
                return all
            }
            let accepted = statuses.filter { $0.1 == .accepted }.map(\.0)
            #expect(Set(accepted).count == 32)
            #expect(accepted.count == 32)
            #expect(statuses.filter { $0.1 == .ok }.count == 16)
            for id in accepted { #expect(try await store.delivery(id)?.body == Array(body)) }
            #expect(try await store.jobCounts()[.queued] == 32)
        }
    }

    @Test(arguments: [nil, "sha256=00", "sha1=abc", "sha256=zz"])
    func badOrMissingSignature_is401_andNothingIsStored(signature: String?) async throws {
        try await withServer { client, store in
            let response = try await post(client, body: Data(#"{"action":"created"}"#.utf8), signature: signature)
            #expect(response.status == .unauthorized)
            #expect(try await store.delivery("d-1") == nil)
            #expect(try await store.jobCounts()[.queued] == 0)
        }
    }

    @Test func tamperedBody_is401() async throws {
        try await withServer { client, store in
            let signature = WebhookVerifier.signature(for: Data(#"{"action":"created"}"#.utf8), secret: secret)
            let response = try await post(client, body: Data(#"{"action":"deleted"}"#.utf8), signature: signature)
            #expect(response.status == .unauthorized)
            #expect(try await store.delivery("d-1") == nil)
        }
    }

    @Test func oversizedBody_is413() async throws {
        try await withServer(maxBody: 1024) { client, store in
            let body = Data(("{\"pad\":\"" + String(repeating: "x", count: 4096) + "\"}").utf8)
            let response = try await post(client, body: body, signature: WebhookVerifier.signature(for: body, secret: secret))
            #expect(response.status == .contentTooLarge)
            #expect(try await store.jobCounts()[.queued] == 0)
        }
    }

    @Test func malformedJSON_orMissingDelivery_is400() async throws {
        try await withServer { client, store in
            let garbage = Data("not json".utf8)
            #expect(try await post(client, body: garbage, signature: WebhookVerifier.signature(for: garbage, secret: secret)).status == .badRequest)
            let array = Data("[1,2]".utf8)
            #expect(try await post(client, body: array, signature: WebhookVerifier.signature(for: array, secret: secret)).status == .badRequest)
            let good = Data(#"{"zen":"hi"}"#.utf8)
            let noDelivery = try await post(client, body: good, signature: WebhookVerifier.signature(for: good, secret: secret), delivery: nil)
            #expect(noDelivery.status == .badRequest)
            let hostileDelivery = try await post(client, body: good, signature: WebhookVerifier.signature(for: good, secret: secret), delivery: "../../etc")
            #expect(hostileDelivery.status == .badRequest)
            #expect(try await store.jobCounts()[.queued] == 0)
        }
    }

    @Test func wrongMethod_is405_andProbesAnswer() async throws {
        try await withServer { client, _ in
            let get = try await client.execute(uri: "/webhooks/github", method: .get)
            #expect(get.status == .methodNotAllowed)
            #expect(get.headers[.allow] == "POST")
            #expect(try await client.execute(uri: "/healthz", method: .get).status == .ok)
            let ready = try await client.execute(uri: "/readyz", method: .get)
            #expect(ready.status == .ok)
            #expect(String(buffer: ready.body).contains(#""store":"ok""#))
            #expect(try await client.execute(uri: "/metrics", method: .get).status == .ok)
        }
    }
}

@Suite struct WebhookCountersTests {
    @Test func refusedRequests_areCountedAsUnverified_notUnderTheEventTheyClaim() async throws {
        let registry = PrometheusCollectorRegistry()
        let directory = try TemporaryDirectory(prefix: "pfbot-counters")
        defer { directory.remove() }
        let store = try await StoreFactory.open(.sqlite(path: directory.file("pfbot.sqlite")))
        let ingress = WebhookIngress(store: store, authenticator: WebhookVerifier(secrets: ["s"]), maxBodyBytes: 1 << 20,
                                     metrics: PrometheusMetricsFactory(registry: registry))
        let router = ServerRouter.make(ingress: ingress, readiness: [], metrics: registry)
        try await Application(router: router).test(.router) { client in
            for index in 0..<5 {
                var headers: HTTPFields = [HTTPField.Name("X-GitHub-Event")!: "made-up-\(index)", HTTPField.Name("X-GitHub-Delivery")!: "d-\(index)"]
                headers[HTTPField.Name("X-Hub-Signature-256")!] = "sha256=00"
                let response = try await client.execute(uri: "/webhooks/github", method: .post, headers: headers, body: ByteBuffer(string: "{}"))
                #expect(response.status == .unauthorized)
            }
            let body = Data(#"{"action":"created"}"#.utf8)
            let headers: HTTPFields = [HTTPField.Name("X-GitHub-Event")!: "issue_comment", HTTPField.Name("X-GitHub-Delivery")!: "d-ok",
                                       HTTPField.Name("X-Hub-Signature-256")!: WebhookVerifier.signature(for: body, secret: "s")]
            #expect(try await client.execute(uri: "/webhooks/github", method: .post, headers: headers, body: ByteBuffer(data: body)).status == .accepted)
        }
        try await store.close()
        let text = String(decoding: registry.emitToBuffer(), as: UTF8.self)
        #expect(!text.contains("made-up"))
        #expect(text.contains(#"pfbot_webhooks_total{event="unverified",outcome="unauthorized"} 5"#))
        #expect(text.contains(#"pfbot_webhooks_total{event="issue_comment",outcome="queued"} 1"#))
    }

    @Test func eventNames_areBounded() {
        let registry = PrometheusCollectorRegistry()
        let counters = WebhookCounters(factory: PrometheusMetricsFactory(registry: registry))
        for index in 0..<(WebhookCounters.maxEventNames * 5) { counters.count(event: "event-\(index)", outcome: "queued") }
        let text = String(decoding: registry.emitToBuffer(), as: UTF8.self)
        let series = text.split(separator: "\n").filter { $0.hasPrefix("pfbot_webhooks_total{") }
        #expect(series.count == WebhookCounters.maxEventNames * 4 + 1)
        #expect(text.contains(#"pfbot_webhooks_total{event="other",outcome="queued"} \#(WebhookCounters.maxEventNames)"#))
    }
}

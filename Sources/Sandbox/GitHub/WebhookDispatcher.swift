import AsyncHTTPClient
import Crypto
import Foundation
import JSON
import NIOCore
import NIOHTTP1

/// Sends signed webhook deliveries, in order, to the configured URL, and keeps a record of each for redelivery.
actor WebhookDispatcher {
    private var url: String?
    private var secret = ""
    private var deliveries: [RecordedDelivery] = []
    private var tail: Task<Void, Never>?
    private var generator = SeededGenerator(seed: 1)
    private var dropRate = 0.0
    private var nextID = 1
    private var recorder: ExchangeRecorder?
    private let now: @Sendable () -> Date
    private let httpClient: HTTPClient

    init(httpClient: HTTPClient, now: @escaping @Sendable () -> Date) {
        self.httpClient = httpClient
        self.now = now
    }

    func configure(url: String?, secret: String) {
        self.url = url
        self.secret = secret
    }

    func setRecorder(_ recorder: ExchangeRecorder) { self.recorder = recorder }

    func configureFaults(dropRate: Double, seed: UInt64) {
        self.dropRate = dropRate
        self.generator = SeededGenerator(seed: seed &+ 7)
    }

    var all: [RecordedDelivery] { deliveries }

    /// Queues a delivery behind earlier ones.
    func enqueue(event: String, payload: JSONValue, installationID: Int?, repositoryID: Int?) async {
        await recorder?.recordDelivery(event: event, payload: payload)
        let body = payload.encoded()
        let record = RecordedDelivery(
            id: nextID, guid: UUID().uuidString.lowercased(), event: event, action: payload["action"]?.stringValue, statusCode: 0,
            redelivery: false, body: body, deliveredAt: now(), installationID: installationID, repositoryID: repositoryID)
        nextID += 1
        schedule(record)
    }

    /// Sends a recorded delivery again, as a new delivery marked `redelivery`.
    func redeliver(id: Int) -> Bool {
        guard let original = deliveries.first(where: { $0.id == id }) else { return false }
        var copy = original
        copy.id = nextID
        copy.redelivery = true
        copy.deliveredAt = now()
        nextID += 1
        schedule(copy)
        return true
    }

    /// Waits until every queued delivery has been attempted.
    func flush() async {
        await tail?.value
    }

    private func schedule(_ record: RecordedDelivery) {
        let previous = tail
        let dropped = generator.chance(dropRate)
        let target = url
        let secret = secret
        tail = Task {
            await previous?.value
            let status = dropped ? 0 : await self.send(record, to: target, secret: secret)
            self.finish(record, status: status)
        }
    }

    private func finish(_ record: RecordedDelivery, status: Int) {
        var done = record
        done.statusCode = status
        deliveries.append(done)
    }

    private nonisolated func send(_ record: RecordedDelivery, to target: String?, secret: String) async -> Int {
        guard let target else { return 0 }
        var request = HTTPClientRequest(url: target)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "User-Agent", value: "GitHub-Hookshot/emulator")
        request.headers.add(name: "X-GitHub-Event", value: record.event)
        request.headers.add(name: "X-GitHub-Delivery", value: record.guid)
        request.headers.add(name: "X-GitHub-Hook-ID", value: "1")
        if let installation = record.installationID {
            request.headers.add(name: "X-GitHub-Hook-Installation-Target-Type", value: "integration")
            request.headers.add(name: "X-GitHub-Hook-Installation-Target-ID", value: String(installation))
        }
        if !secret.isEmpty {
            let mac = HMAC<SHA256>.authenticationCode(for: record.body, using: SymmetricKey(data: Data(secret.utf8)))
            request.headers.add(name: "X-Hub-Signature-256", value: "sha256=" + mac.map { String(format: "%02x", $0) }.joined())
        }
        request.body = .bytes(ByteBuffer(bytes: record.body))
        do {
            let response = try await httpClient.execute(request, timeout: .seconds(10))
            _ = try? await response.body.collect(upTo: 1 << 20)
            return Int(response.status.code)
        } catch {
            return 0
        }
    }
}

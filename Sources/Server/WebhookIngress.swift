import Foundation
import GitHub
import HTTPTypes
import Hummingbird
import Logging
import Metrics
import Storage

/// `POST /webhooks/github`: verify, store durably, acknowledge. Processing happens later, in the job workers.
///
/// Order: a `Content-Length` over the limit (413, nothing read) → a missing or malformed signature header (401,
/// nothing read) → a slot among the bodies read at once (503 with `Retry-After` when none comes free) → the body,
/// streamed through an HMAC per secret and kept only up to the limit (413 as soon as it grows past) → signature
/// (401, nothing stored) → headers and JSON object shape (400, logged) → store → 202 for a new delivery, 200 for a
/// delivery id seen before (GitHub redelivers; it is processed once). Refusals made before the body is read carry
/// `Connection: close`, so the server does not read a body it already refused.
/// Deliveries arriving together are stored in one transaction (``DeliveryGroupCommit``); each is answered only
/// after the transaction holding it committed.
public struct WebhookIngress: Sendable {
    /// How long a request waits for a free body slot (`maxConcurrentBodies`) before it gets 503.
    static let slotPatience = Duration.seconds(5)

    let inbox: DeliveryGroupCommit
    let authenticator: any WebhookAuthenticator
    let maxBodyBytes: Int
    let bodySlots: BodySlots
    let now: @Sendable () -> Date
    let logger: Logger
    let counters: WebhookCounters
    let onQueued: @Sendable () -> Void

    /// - Parameters:
    ///   - store: the inbox deliveries are written to.
    ///   - authenticator: checks `X-Hub-Signature-256`.
    ///   - maxBodyBytes: larger bodies are refused with 413.
    ///   - maxConcurrentBodies: bodies read at once (`server.max_concurrent_bodies`); the memory held by unverified
    ///     bodies stays under this times `maxBodyBytes`.
    ///   - batchLimit: the most deliveries stored in one transaction (1 stores each in its own).
    ///   - now: the clock for `receivedAt`.
    ///   - logger: for rejected requests.
    ///   - metrics: where `pfbot_webhooks_total` is counted; the process's metrics system by default.
    ///   - onQueued: called after a new delivery is durable (wakes the job workers).
    public init(store: any Store, authenticator: any WebhookAuthenticator, maxBodyBytes: Int, maxConcurrentBodies: Int = 4,
                batchLimit: Int = 256, now: @escaping @Sendable () -> Date = Date.init, logger: Logger = Logger(label: "pfbot.webhooks"),
                metrics: any MetricsFactory = MetricsSystem.factory, onQueued: @escaping @Sendable () -> Void = {}) {
        self.counters = WebhookCounters(factory: metrics)
        self.onQueued = onQueued
        self.inbox = DeliveryGroupCommit(store: store, batchLimit: batchLimit)
        self.authenticator = authenticator
        self.maxBodyBytes = maxBodyBytes
        self.bodySlots = BodySlots(count: maxConcurrentBodies)
        self.now = now
        self.logger = logger
    }

    /// Handles one request.
    public func handle(_ request: Request) async throws -> Response {
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > maxBodyBytes {
            return tooLarge(closing: true)
        }
        let check: WebhookBodyCheck
        do {
            check = try authenticator.startCheck(signature: request.headers[.hubSignature256])
        } catch {
            return unauthorized(error, closing: true)
        }
        guard await bodySlots.acquire(patience: Self.slotPatience) else {
            counters.count(event: WebhookCounters.unverifiedEvent, outcome: "busy")
            var response = Self.reply(.serviceUnavailable, "too many webhook bodies are being received at once; retry shortly")
            response.headers[.retryAfter] = "5"
            response.headers[.connection] = "close"
            return response
        }
        let body: ByteBuffer
        switch try await readBody(of: request, checking: check) {
        case .verified(let verified): body = verified
        case .refused(let response): return response
        }
        guard let event = request.headers[.gitHubEvent], let deliveryID = request.headers[.gitHubDelivery],
              Self.isPlausibleDeliveryID(deliveryID) else {
            counters.count(event: request.headers[.gitHubEvent] ?? "unknown", outcome: "malformed")
            logger.warning("webhook without X-GitHub-Event or a valid X-GitHub-Delivery")
            return Self.reply(.badRequest, "X-GitHub-Event and X-GitHub-Delivery headers are required")
        }
        let action: String?
        do {
            action = try body.withUnsafeReadableBytes { bytes throws(PayloadScanner.NotAnObject) in try PayloadScanner.action(in: bytes) }
        } catch {
            counters.count(event: event, outcome: "malformed")
            logger.warning("webhook \(deliveryID) (\(event)) is not a JSON object; ignored")
            return Self.reply(.badRequest, "the body must be a JSON object")
        }
        let delivery = Delivery(id: deliveryID, event: event, action: action, body: Array(body.readableBytesView), receivedAt: now())
        let isNew = try await inbox.record(delivery)
        if isNew { onQueued() }
        counters.count(event: event, outcome: isNew ? "queued" : "duplicate")
        return Self.acknowledge(deliveryID, isNew: isNew)
    }

    /// A body read and checked, or the answer refusing it.
    private enum BodyOutcome {
        case verified(ByteBuffer)
        case refused(Response)
    }

    /// Reads the body through the signature check, keeping at most `maxBodyBytes`, and hands back the body slot
    /// the caller took as soon as the body is verified or refused (a verified body no longer counts against the
    /// cap, so deliveries waiting for the store's group commit do not hold slots).
    private func readBody(of request: Request, checking start: WebhookBodyCheck) async throws -> BodyOutcome {
        defer { bodySlots.release() }
        var check = start
        var body = ByteBuffer()
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > 0 { body.reserveCapacity(declared) }
        for try await piece in request.body {
            guard piece.readableBytes <= maxBodyBytes - body.readableBytes else { return .refused(tooLarge(closing: true)) }
            piece.withUnsafeReadableBytes { check.update($0) }
            body.writeImmutableBuffer(piece)
        }
        do {
            try check.finish()
        } catch {
            return .refused(unauthorized(error, closing: false))
        }
        return .verified(body)
    }

    /// 413. - Parameter closing: the body was not read to its end (the connection is closed after the reply).
    private func tooLarge(closing: Bool) -> Response {
        counters.count(event: WebhookCounters.unverifiedEvent, outcome: "too_large")
        var response = Self.reply(.contentTooLarge, "request body is larger than \(maxBodyBytes) bytes")
        if closing { response.headers[.connection] = "close" }
        return response
    }

    /// 401. - Parameter closing: the body was not read (the connection is closed after the reply).
    private func unauthorized(_ error: any Error, closing: Bool) -> Response {
        counters.count(event: WebhookCounters.unverifiedEvent, outcome: "unauthorized")
        logger.notice("rejected webhook: \(error)")
        var response = Self.reply(.unauthorized, "signature missing or invalid; check the webhook secret")
        if closing { response.headers[.connection] = "close" }
        return response
    }

    /// Delivery ids are GUIDs; accept 1–100 characters of ASCII letters, digits and `-` so garbage is never stored
    /// as a key (and the id can be echoed in JSON without escaping).
    static func isPlausibleDeliveryID(_ id: String) -> Bool {
        (1...100).contains(id.utf8.count) && id.utf8.allSatisfy { byte in
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || byte == UInt8(ascii: "-")
        }
    }

    /// 202 `{"delivery":…,"status":"queued"}` for a new delivery, 200 `…"duplicate"` for one stored before. Written
    /// by hand: the id holds only letters, digits and `-` (``isPlausibleDeliveryID(_:)``).
    static func acknowledge(_ deliveryID: String, isNew: Bool) -> Response {
        let text = #"{"delivery":""# + deliveryID + #"","status":""# + (isNew ? "queued" : "duplicate") + #""}"#
        return Response(status: isNew ? .accepted : .ok, headers: [.contentType: "application/json"],
                        body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    static func reply(_ status: HTTPResponse.Status, _ message: String) -> Response {
        var object: [String: String] = ["status": status.code < 300 ? message : "error"]
        if status.code >= 300 { object["message"] = message }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return Response(status: status, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(data: data)))
    }
}

extension HTTPField.Name {
    static let gitHubEvent = HTTPField.Name("X-GitHub-Event")!
    static let gitHubDelivery = HTTPField.Name("X-GitHub-Delivery")!
    static let hubSignature256 = HTTPField.Name("X-Hub-Signature-256")!
}

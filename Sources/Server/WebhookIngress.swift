import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Metrics
import Storage

/// `POST /webhooks/github`: verify, store durably, acknowledge. Processing happens later, in the job workers.
///
/// Order: size (413) → signature (401, nothing stored) → headers and JSON shape (400, logged) → store →
/// 202 for a new delivery, 200 for a delivery id seen before (GitHub redelivers; it is processed once).
/// Deliveries arriving together are stored in one transaction (``DeliveryGroupCommit``); each is answered only
/// after the transaction holding it committed.
public struct WebhookIngress: Sendable {
    let inbox: DeliveryGroupCommit
    let authenticator: any WebhookAuthenticator
    let maxBodyBytes: Int
    let now: @Sendable () -> Date
    let logger: Logger

    /// - Parameters:
    ///   - store: the inbox deliveries are written to.
    ///   - authenticator: checks `X-Hub-Signature-256`.
    ///   - maxBodyBytes: larger bodies are refused with 413.
    ///   - batchLimit: the most deliveries stored in one transaction (1 stores each in its own).
    ///   - now: the clock for `receivedAt`.
    ///   - logger: for rejected requests.
    public init(store: any Store, authenticator: any WebhookAuthenticator, maxBodyBytes: Int, batchLimit: Int = 256,
                now: @escaping @Sendable () -> Date = Date.init, logger: Logger = Logger(label: "pfbot.webhooks")) {
        self.inbox = DeliveryGroupCommit(store: store, batchLimit: batchLimit)
        self.authenticator = authenticator
        self.maxBodyBytes = maxBodyBytes
        self.now = now
        self.logger = logger
    }

    /// Handles one request.
    public func handle(_ request: Request) async throws -> Response {
        var request = request
        let event = request.headers[.gitHubEvent] ?? "unknown"
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: maxBodyBytes)
        } catch {
            count(event, "too_large")
            return Self.reply(.contentTooLarge, "request body is larger than \(maxBodyBytes) bytes")
        }
        let bytes = Data(buffer: body)
        do {
            try authenticator.verify(signature: request.headers[.hubSignature256], body: bytes)
        } catch {
            count(event, "unauthorized")
            logger.notice("rejected webhook \(event): \(error)")
            return Self.reply(.unauthorized, "signature missing or invalid; check the webhook secret")
        }
        guard let deliveryID = request.headers[.gitHubDelivery], Self.isPlausibleDeliveryID(deliveryID),
              request.headers[.gitHubEvent] != nil else {
            count(event, "malformed")
            logger.warning("webhook without X-GitHub-Event or a valid X-GitHub-Delivery")
            return Self.reply(.badRequest, "X-GitHub-Event and X-GitHub-Delivery headers are required")
        }
        guard let shape = try? JSONDecoder().decode(PayloadShape.self, from: bytes) else {
            count(event, "malformed")
            logger.warning("webhook \(deliveryID) (\(event)) is not a JSON object; ignored")
            return Self.reply(.badRequest, "the body must be a JSON object")
        }
        let delivery = Delivery(id: deliveryID, event: event, action: shape.action, body: [UInt8](bytes), receivedAt: now())
        let isNew = try await inbox.record(delivery)
        count(event, isNew ? "queued" : "duplicate")
        return isNew ? Self.reply(.accepted, "queued", delivery: deliveryID) : Self.reply(.ok, "duplicate", delivery: deliveryID)
    }

    /// Delivery ids are GUIDs; accept 1–100 characters of letters, digits and `-` so garbage is never stored as a key.
    static func isPlausibleDeliveryID(_ id: String) -> Bool {
        (1...100).contains(id.count) && id.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || $0 == "-" }
    }

    private func count(_ event: String, _ outcome: String) {
        Counter(label: "pfbot_webhooks_total", dimensions: [("event", String(event.prefix(40))), ("outcome", outcome)]).increment()
    }

    static func reply(_ status: HTTPResponse.Status, _ message: String, delivery: String? = nil) -> Response {
        var object: [String: String] = ["status": status.code < 300 ? message : "error"]
        if status.code >= 300 { object["message"] = message }
        if let delivery { object["delivery"] = delivery }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return Response(status: status, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(data: data)))
    }
}

/// What the ingress reads of a payload: it must be a JSON object (the whole text is validated); `action` is kept
/// when it is a string. Decoding only this is several times cheaper than building the whole object tree.
struct PayloadShape: Decodable {
    let action: String?

    enum CodingKeys: String, CodingKey { case action }

    init(from decoder: any Decoder) throws {
        let object = try decoder.container(keyedBy: CodingKeys.self)
        action = try? object.decodeIfPresent(String.self, forKey: .action)
    }
}

extension HTTPField.Name {
    static let gitHubEvent = HTTPField.Name("X-GitHub-Event")!
    static let gitHubDelivery = HTTPField.Name("X-GitHub-Delivery")!
    static let hubSignature256 = HTTPField.Name("X-Hub-Signature-256")!
}

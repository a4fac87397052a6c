import AsyncHTTPClient
import Crypto
import Foundation
import NIOCore
import PFBotCore

/// Posts a JSON body about each new task to `notifications.webhook_url`, signed like GitHub's webhooks:
/// `X-PFBot-Signature-256: sha256=<HMAC-SHA256 of the body>`.
public struct WebhookNotifier: TaskNotifier {
    let url: URL
    let secret: String?
    let client: HTTPClient

    /// Creates a notifier that posts to `url`.
    /// - Parameters:
    ///   - url: where to POST.
    ///   - secret: signs the body when set.
    ///   - client: the HTTP client (the shared one by default).
    public init(url: URL, secret: String?, client: HTTPClient = .shared) {
        self.url = url
        self.secret = secret
        self.client = client
    }

    /// Posts the announcement as snake_case JSON to the webhook URL, signed when a secret is set.
    /// - Parameter announcement: the new task to announce.
    /// - Throws: `NotificationFailed` when the endpoint answers other than 2xx, or the HTTP client's error.
    public func notify(_ announcement: TaskAnnouncement) async throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let body = try encoder.encode(announcement)
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "User-Agent", value: "pfbot")
        if let secret {
            request.headers.add(name: "X-PFBot-Signature-256", value: Self.signature(body, secret: secret))
        }
        request.body = .bytes(ByteBuffer(bytes: body))
        let response = try await client.execute(request, timeout: .seconds(10))
        guard (200..<300).contains(Int(response.status.code)) else {
            throw NotificationFailed(url: url.absoluteString, status: Int(response.status.code))
        }
    }

    /// `sha256=<hex>` of the body under the secret.
    /// - Returns: the header value receivers compare (in constant time) with their own computation.
    public static func signature(_ body: Data, secret: String) -> String {
        "sha256=" + HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Data(secret.utf8))).map { String(format: "%02x", $0) }.joined()
    }
}

/// The notification endpoint did not accept the body; the job is retried.
struct NotificationFailed: Error, CustomStringConvertible {
    var url: String
    var status: Int
    var description: String { "the notification webhook \(url) answered \(status); check notifications.webhook_url" }
}

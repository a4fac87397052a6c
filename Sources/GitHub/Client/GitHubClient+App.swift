import Foundation

extension GitHubClient {
    /// `POST /app/installations/{id}/access_tokens` with the App JWT (bypasses the token cache).
    public func createInstallationToken(installationID: Int) async throws -> InstallationToken {
        try await transport.mintInstallationToken(installationID)
    }

    /// `GET /app/hook/deliveries`, every page (App JWT).
    public func listWebhookDeliveries() async throws -> [HookDelivery] {
        try await listWebhookDeliveries(deliveredSince: nil)
    }

    /// `GET /app/hook/deliveries` (App JWT), newest first: every page, or, with `deliveredSince`, the attempts made
    /// since then (paging stops at the first page that reaches back past it). An attempt without a time is kept.
    public func listWebhookDeliveries(deliveredSince: Date?) async throws -> [HookDelivery] {
        guard let deliveredSince else { return try await paginate(HookDelivery.self, "/app/hook/deliveries", credential: .app) }
        return try await paginate(HookDelivery.self, "/app/hook/deliveries", credential: .app, until: { page in
            page.contains { ($0.deliveredAt ?? .distantFuture) < deliveredSince }
        }).filter { ($0.deliveredAt ?? .distantFuture) >= deliveredSince }
    }

    /// `POST /app/hook/deliveries/{id}/attempts` (App JWT).
    public func redeliverWebhookDelivery(id: Int) async throws {
        var request = GitHubRequest(method: "POST", path: "/app/hook/deliveries/\(id)/attempts")
        request.credential = .app
        _ = try await transport.send(request)
    }
}

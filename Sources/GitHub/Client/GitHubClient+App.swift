import Foundation

extension GitHubClient {
    /// `POST /app/installations/{id}/access_tokens` with the App JWT (bypasses the token cache).
    public func createInstallationToken(installationID: Int) async throws -> InstallationToken {
        try await transport.mintInstallationToken(installationID)
    }

    /// `GET /app/hook/deliveries`, every page (App JWT).
    public func listWebhookDeliveries() async throws -> [HookDelivery] {
        try await paginate(HookDelivery.self, "/app/hook/deliveries", credential: .app)
    }

    /// `POST /app/hook/deliveries/{id}/attempts` (App JWT).
    public func redeliverWebhookDelivery(id: Int) async throws {
        var request = GitHubRequest(method: "POST", path: "/app/hook/deliveries/\(id)/attempts")
        request.credential = .app
        _ = try await transport.send(request)
    }
}

import Foundation
import JSON

extension GitHubEmulatorState {
    /// `/app/...` endpoints: they need the App JWT.
    func routeApp(_ request: GitHubEmulatorRequest, segments: [String], identity: EmulatedIdentity) async -> GitHubEmulatorResponse {
        guard case .app(let appID) = identity else {
            return .error(401, "A JSON web token could not be decoded")
        }
        switch (request.method, segments.count) {
        case ("POST", 3) where segments[0] == "installations" && segments[2] == "access_tokens":
            return mintToken(appID: appID, installation: segments[1])
        case ("GET", 2) where segments == ["hook", "deliveries"]:
            return await listDeliveries(request)
        case ("POST", 4) where segments[0] == "hook" && segments[1] == "deliveries" && segments[3] == "attempts":
            guard let id = Int(segments[2]), await dispatcher.redeliver(id: id) else { return .notFound() }
            return .json(202, [:])
        default:
            return .notFound()
        }
    }

    private func mintToken(appID: Int, installation: String) -> GitHubEmulatorResponse {
        guard let id = Int(installation), let record = installations[id], record.appID == appID else { return .notFound() }
        let token = "ghs_" + UUID().uuidString.replacingOccurrences(of: "-", with: "")
        let expiresAt = now().addingTimeInterval(3_600)
        installationTokens[token] = (id, expiresAt)
        let access: JSONValue = .string(record.permission)
        return .json(201, [
            "token": .string(token), "expires_at": EmulatorPayloads.date(expiresAt),
            "permissions": ["issues": access, "pull_requests": access, "contents": access, "checks": record.canWriteChecks ? "write" : "read"],
            "repository_selection": "all",
        ])
    }

    private func listDeliveries(_ request: GitHubEmulatorRequest) async -> GitHubEmulatorResponse {
        let deliveries = await dispatcher.all.sorted { $0.id > $1.id }.map { delivery -> JSONValue in
            [
                "id": .int(delivery.id), "guid": .string(delivery.guid), "delivered_at": EmulatorPayloads.date(delivery.deliveredAt),
                "redelivery": .bool(delivery.redelivery), "duration": .double(0.01),
                "status": .string(delivery.statusCode >= 200 && delivery.statusCode < 300 ? "OK" : "Failed to connect"),
                "status_code": .int(delivery.statusCode), "event": .string(delivery.event), "action": .optional(delivery.action),
                "installation_id": delivery.installationID.map { .int($0) } ?? .null,
                "repository_id": delivery.repositoryID.map { .int($0) } ?? .null,
            ]
        }
        let call = RepoCall(key: "", rest: [], query: request.query, body: [:], actor: actionsBot, identity: .app(id: 0))
        return paginated(deliveries, call: call, path: "/app/hook/deliveries")
    }
}

import Foundation
import JSON

extension GitHubEmulatorState {
    /// Dispatches an authenticated request to its handler.
    func route(_ request: GitHubEmulatorRequest, identity: EmulatedIdentity) async -> GitHubEmulatorResponse {
        let segments = request.segments
        if segments.first == "app" { return await routeApp(request, segments: Array(segments.dropFirst()), identity: identity) }
        guard segments.count >= 3, segments[0] == "repos" else { return .notFound() }
        let key = "\(segments[1])/\(segments[2])"
        guard let repo = repositories[key] else { return .notFound() }
        if case .app = identity {
            return .error(403, "A JSON web token cannot access repository endpoints; use an installation token.")
        }
        guard permission(of: identity, on: repo) != "none" else { return .notFound() }
        let rest = Array(segments.dropFirst(3))
        let isCheckWrite = rest.first == "check-runs" && request.method != "GET"
        if request.method != "GET", !isCheckWrite, !canWrite(identity, repo) {
            return .error(403, "Resource not accessible by \(identity.actor?.type == "Bot" ? "integration" : "personal access token")")
        }
        guard let body = request.json else { return .error(400, "Problems parsing JSON") }
        guard let actor = identity.actor else { return .notFound() }
        let call = RepoCall(key: key, rest: rest, query: request.query, body: body, actor: actor, identity: identity)
        return await dispatch(request.method, call)
    }

    func dispatch(_ method: String, _ call: RepoCall) async -> GitHubEmulatorResponse {
        switch method {
        case "GET" where call.rest.first == "contents": return await getContents(call)
        case "GET": return getRoute(call)
        case "POST": return await postRoute(call)
        case "PATCH": return await patchRoute(call)
        case "PUT": return await putRoute(call)
        case "DELETE": return deleteRoute(call)
        default: return .notFound()
        }
    }

    private func getRoute(_ call: RepoCall) -> GitHubEmulatorResponse {
        if call.rest.isEmpty { return getRepository(call) }
        if call.match("issues") != nil { return listIssues(call) }
        if let n = call.match("issues/:") { return getIssue(call, number: n[0]) }
        if let n = call.match("issues/:/comments") { return listComments(call, number: n[0]) }
        if call.match("labels") != nil { return listLabels(call) }
        if let n = call.match("labels/:") { return getLabel(call, name: n[0]) }
        if call.match("pulls") != nil { return listPulls(call) }
        if let n = call.match("pulls/:") { return getPull(call, number: n[0]) }
        if let n = call.match("pulls/:/reviews") { return listReviews(call, number: n[0]) }
        if let n = call.match("pulls/:/files") { return listFiles(call, number: n[0]) }
        if let n = call.match("check-runs/:") { return getCheckRun(call, id: n[0]) }
        if let n = call.match("collaborators/:/permission") { return collaboratorPermission(call, login: n[0]) }
        return .notFound()
    }

    private func postRoute(_ call: RepoCall) async -> GitHubEmulatorResponse {
        if call.match("issues") != nil { return await createIssue(call) }
        if let n = call.match("issues/:/comments") { return await createComment(call, number: n[0]) }
        if let n = call.match("issues/:/labels") { return await addLabels(call, number: n[0]) }
        if let n = call.match("issues/comments/:/reactions") { return addReaction(call, id: n[0]) }
        if call.match("labels") != nil { return createLabel(call) }
        if call.match("pulls") != nil { return await createPull(call) }
        if call.match("check-runs") != nil { return await createCheckRun(call) }
        if let n = call.match("statuses/:") { return createStatus(call, sha: n[0]) }
        return .notFound()
    }

    private func patchRoute(_ call: RepoCall) async -> GitHubEmulatorResponse {
        if let n = call.match("issues/comments/:") { return updateComment(call, id: n[0]) }
        if let n = call.match("issues/:") { return await updateIssue(call, number: n[0]) }
        if let n = call.match("labels/:") { return updateLabel(call, name: n[0]) }
        if let n = call.match("pulls/:") { return await updatePull(call, number: n[0]) }
        if let n = call.match("check-runs/:") { return await updateCheckRun(call, id: n[0]) }
        return .notFound()
    }

    private func putRoute(_ call: RepoCall) async -> GitHubEmulatorResponse {
        if let n = call.match("issues/:/lock") { return lockIssue(call, number: n[0]) }
        if let n = call.match("pulls/:/merge") { return await mergePull(call, number: n[0]) }
        return .notFound()
    }

    private func deleteRoute(_ call: RepoCall) -> GitHubEmulatorResponse {
        if let n = call.match("issues/:/labels/:") { return removeLabel(call, number: n[0], name: n[1]) }
        return .notFound()
    }

    // MARK: - Shared helpers

    /// Slices `items` by `per_page`/`page` and adds GitHub's `Link` header.
    func paginated(_ items: [JSONValue], call: RepoCall, path: String) -> GitHubEmulatorResponse {
        let perPage = min(100, max(1, Int(call.query["per_page"] ?? "") ?? 30))
        let page = max(1, Int(call.query["page"] ?? "") ?? 1)
        let last = max(1, (items.count + perPage - 1) / perPage)
        let slice = Array(items.dropFirst((page - 1) * perPage).prefix(perPage))
        var extra = call.query.filter { $0.key != "page" && $0.key != "per_page" }.sorted { $0.key < $1.key }
            .map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? $0.value)" }.joined(separator: "&")
        if !extra.isEmpty { extra = "&" + extra }
        func link(_ target: Int, _ rel: String) -> String {
            "<\(payloads.apiBase)\(path)?per_page=\(perPage)&page=\(target)\(extra)>; rel=\"\(rel)\""
        }
        var links: [String] = []
        if page > 1 { links.append(link(page - 1, "prev")) }
        if page < last { links += [link(page + 1, "next"), link(last, "last")] }
        if page > 1 { links.append(link(1, "first")) }
        return .json(200, .array(slice), headers: links.isEmpty ? [:] : ["link": links.joined(separator: ", ")])
    }

    /// Queues a webhook with `repository`, `sender` and (when an App is installed) `installation` added.
    func emit(_ event: String, _ fields: [String: JSONValue], repo: EmulatedRepository, sender: EmulatedUser, forPush: Bool = false) async {
        var payload = fields
        payload["repository"] = payloads.repository(repo, forPush: forPush)
        payload["sender"] = payloads.user(sender)
        let installation = installations.keys.min()
        if let installation { payload["installation"] = ["id": .int(installation), "node_id": .string("IN_\(installation)")] }
        await dispatcher.enqueue(event: event, payload: .object(payload), installationID: installation, repositoryID: repo.id)
    }

    func appJSON(for identity: EmulatedIdentity) -> JSONValue {
        guard case .installation(let id, let bot) = identity, let app = installations[id].flatMap({ apps[$0.appID] }) else {
            return payloads.app(id: 15_368, slug: "github-actions", name: "GitHub Actions", owner: actionsBot)
        }
        return payloads.app(id: app.id, slug: app.slug, name: app.slug, owner: bot)
    }
}

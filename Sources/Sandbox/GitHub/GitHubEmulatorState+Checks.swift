import Foundation
import JSON

extension GitHubEmulatorState {
    static let checkTextLimit = 65_535
    static let annotationLimit = 50
    static let conclusions = ["action_required", "cancelled", "failure", "neutral", "success", "skipped", "timed_out"]
    static let checkStatuses = ["queued", "in_progress", "completed", "waiting", "requested", "pending"]

    private func mayWriteChecks(_ identity: EmulatedIdentity) -> GitHubEmulatorResponse? {
        switch identity {
        case .installation(let id, _):
            if id == 0 || installations[id]?.canWriteChecks == true { return nil }
            return .error(403, "Resource not accessible by integration")
        case .user, .app:
            return .error(403, "You must authenticate via a GitHub App.")
        }
    }

    func checkRunJSON(_ run: EmulatedCheckRun, _ repo: EmulatedRepository, identity: EmulatedIdentity) -> JSONValue {
        let repoRef: JSONValue = ["id": .int(repo.id), "url": .string("\(payloads.apiBase)/repos/\(repo.fullName)"), "name": .string(repo.name)]
        let pulls = repo.pulls.values.filter { $0.headSHA == run.headSHA }.map { pull -> JSONValue in
            [
                "url": .string("\(payloads.apiBase)/repos/\(repo.fullName)/pulls/\(pull.number)"), "id": .int(pull.id), "number": .int(pull.number),
                "head": ["ref": .string(pull.head), "sha": .string(pull.headSHA), "repo": repoRef],
                "base": ["ref": .string(pull.base), "sha": .string(pull.baseSHA), "repo": repoRef],
            ]
        }
        return payloads.checkRun(run, repo: repo, app: appJSON(for: identity), pulls: pulls)
    }

    /// Applies the body's fields to a run; returns a 422 response when a field is invalid.
    private func apply(_ body: JSONValue, to run: inout EmulatedCheckRun) -> GitHubEmulatorResponse? {
        if let status = body["status"]?.stringValue {
            guard Self.checkStatuses.contains(status) else { return .validation(resource: "CheckRun", field: "status", code: "invalid") }
            run.status = status
        }
        if let conclusion = body["conclusion"]?.stringValue {
            guard Self.conclusions.contains(conclusion) else { return .validation(resource: "CheckRun", field: "conclusion", code: "invalid") }
            run.conclusion = conclusion
            run.status = "completed"
        }
        if run.status == "completed", run.conclusion == nil { return .validation(resource: "CheckRun", field: "conclusion") }
        if run.status == "completed", run.completedAt == nil { run.completedAt = now() }
        if let value = body["external_id"]?.stringValue { run.externalID = value }
        if let value = body["details_url"]?.stringValue { run.detailsURL = value }
        if let value = body["started_at"]?.stringValue { run.startedAt = ISO8601DateFormatter().date(from: value) }
        if let value = body["completed_at"]?.stringValue { run.completedAt = ISO8601DateFormatter().date(from: value) }
        if let output = body["output"], output != .null {
            guard let title = output["title"]?.stringValue, let summary = output["summary"]?.stringValue else {
                return .validation(resource: "CheckRun", field: "output.summary")
            }
            guard summary.count <= Self.checkTextLimit, (output["text"]?.stringValue?.count ?? 0) <= Self.checkTextLimit else {
                return .error(422, "Invalid request.\n\nOnly 65535 characters are allowed; the output is too long.")
            }
            let annotations = output["annotations"]?.arrayValue ?? []
            guard annotations.count <= Self.annotationLimit else {
                return .error(422, "Invalid request.\n\nOnly 50 annotations are allowed per request.")
            }
            run.title = title
            run.summary = summary
            if let text = output["text"]?.stringValue { run.text = text }
            run.annotations += annotations
            run.annotationRequests.append(annotations.count)
        }
        return nil
    }

    /// Creates a check run and sends `check_run` `created` (and `completed` when created finished).
    func createCheckRun(_ call: RepoCall) async -> GitHubEmulatorResponse {
        if let denied = mayWriteChecks(call.identity) { return denied }
        guard var repo = repositories[call.key] else { return .notFound() }
        guard let name = call.body["name"]?.stringValue, !name.isEmpty else { return .validation(resource: "CheckRun", field: "name") }
        guard let sha = call.body["head_sha"]?.stringValue, !sha.isEmpty else { return .validation(resource: "CheckRun", field: "head_sha") }
        var run = EmulatedCheckRun(id: makeID(), name: name, headSHA: sha, status: "queued", startedAt: now())
        if let invalid = apply(call.body, to: &run) { return invalid }
        repo.checkRuns[run.id] = run
        repositories[call.key] = repo
        let json = checkRunJSON(run, repo, identity: call.identity)
        await emit("check_run", ["action": "created", "check_run": json], repo: repo, sender: call.actor)
        if run.status == "completed" {
            await emit("check_run", ["action": "completed", "check_run": json], repo: repo, sender: call.actor)
        }
        return .json(201, json)
    }

    /// Updates a check run; sends `check_run` `completed` when it becomes completed.
    func updateCheckRun(_ call: RepoCall, id: String) async -> GitHubEmulatorResponse {
        if let denied = mayWriteChecks(call.identity) { return denied }
        guard let id = Int(id), var repo = repositories[call.key], var run = repo.checkRuns[id] else { return .notFound() }
        let wasCompleted = run.status == "completed"
        if let name = call.body["name"]?.stringValue { run.name = name }
        if let invalid = apply(call.body, to: &run) { return invalid }
        repo.checkRuns[id] = run
        repositories[call.key] = repo
        let json = checkRunJSON(run, repo, identity: call.identity)
        if !wasCompleted, run.status == "completed" {
            await emit("check_run", ["action": "completed", "check_run": json], repo: repo, sender: call.actor)
        }
        return .json(200, json)
    }

    func getCheckRun(_ call: RepoCall, id: String) -> GitHubEmulatorResponse {
        guard let id = Int(id), let repo = repositories[call.key], let run = repo.checkRuns[id] else { return .notFound() }
        return .json(200, checkRunJSON(run, repo, identity: call.identity))
    }

    func createStatus(_ call: RepoCall, sha: String) -> GitHubEmulatorResponse {
        guard var repo = repositories[call.key] else { return .notFound() }
        guard let state = call.body["state"]?.stringValue, ["error", "failure", "pending", "success"].contains(state) else {
            return .validation(resource: "Status", field: "state", code: "invalid")
        }
        let description = call.body["description"]?.stringValue
        if let description, description.count > 140 { return .validation(resource: "Status", field: "description", code: "custom") }
        let status = EmulatedStatus(
            id: makeID(), sha: sha, state: state, context: call.body["context"]?.stringValue ?? "default", description: description,
            targetURL: call.body["target_url"]?.stringValue, creator: call.actor, createdAt: now())
        repo.statuses.append(status)
        repositories[call.key] = repo
        return .json(201, payloads.status(status, repo: repo))
    }
}

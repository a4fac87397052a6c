import Foundation
import JSON

extension GitHubEmulatorState {
    /// The full repository, with the REST-only fields (merge settings, counts, the caller's permissions).
    func getRepository(_ call: RepoCall) -> GitHubEmulatorResponse {
        guard let repo = repositories[call.key] else { return .notFound() }
        let role = permission(of: call.identity, on: repo)
        let ranks = ["read": 1, "triage": 2, "write": 3, "maintain": 4, "admin": 5]
        let rank = ranks[role] ?? 0
        let permissions: JSONValue = [
            "admin": .bool(rank >= 5), "maintain": .bool(rank >= 4), "push": .bool(rank >= 3), "triage": .bool(rank >= 2), "pull": .bool(rank >= 1),
        ]
        var json = payloads.repository(repo)
        let extra: [String: JSONValue] = [
            "allow_auto_merge": false, "allow_forking": true, "allow_merge_commit": true, "allow_rebase_merge": true,
            "allow_squash_merge": true, "allow_update_branch": false, "delete_branch_on_merge": false, "network_count": 0,
            "subscribers_count": 0, "organization": payloads.user(repo.owner), "permissions": permissions, "temp_clone_token": "",
            "use_squash_pr_title_as_default": false,
        ]
        for (key, value) in extra { json = json.setting(key, to: value) }
        return .json(200, json)
    }

    func issueJSON(_ issue: EmulatedIssue, _ repo: EmulatedRepository) -> JSONValue {
        payloads.issue(issue, repo: repo, users: users)
    }

    /// Creates an issue (also used by the `openIssue` driver) and sends `issues` `opened`.
    func createIssue(_ call: RepoCall) async -> GitHubEmulatorResponse {
        guard let title = call.body["title"]?.stringValue, !title.isEmpty else {
            return .validation(resource: "Issue", field: "title")
        }
        guard var repo = repositories[call.key] else { return .notFound() }
        let labels = call.body["labels"]?.arrayValue?.compactMap { $0.stringValue } ?? []
        for name in labels where repo.labels[name.lowercased()] == nil {
            repo.labels[name.lowercased()] = EmulatedLabel(id: makeID(), name: name, color: "ededed")
        }
        let time = now()
        var issue = EmulatedIssue(
            id: makeID(), number: repo.nextNumber, title: title, body: call.body["body"]?.stringValue, author: call.actor,
            createdAt: time, updatedAt: time)
        issue.labels = labels.compactMap { repo.labels[$0.lowercased()]?.name }
        issue.assignees = call.body["assignees"]?.arrayValue?.compactMap { $0.stringValue }.filter { users[$0] != nil } ?? []
        issue.hiddenReads = faults.readAfterWriteLag
        repo.nextNumber += 1
        repo.issues[issue.number] = issue
        repositories[call.key] = repo
        await emit("issues", ["action": "opened", "issue": issueJSON(issue, repo)], repo: repo, sender: call.actor)
        return .json(201, issueJSON(issue, repo), headers: ["location": "\(payloads.apiBase)/repos/\(call.key)/issues/\(issue.number)"])
    }

    /// Looks up an issue for a read, honouring read-after-write lag.
    func readableIssue(_ call: RepoCall, number: String) -> EmulatedIssue? {
        guard let number = Int(number), var issue = repositories[call.key]?.issues[number] else { return nil }
        if issue.hiddenReads > 0 {
            issue.hiddenReads -= 1
            repositories[call.key]?.issues[number] = issue
            return nil
        }
        return issue
    }

    func getIssue(_ call: RepoCall, number: String) -> GitHubEmulatorResponse {
        guard let repo = repositories[call.key], let issue = readableIssue(call, number: number) else { return .notFound() }
        return .json(200, issueJSON(issue, repo))
    }

    func listIssues(_ call: RepoCall) -> GitHubEmulatorResponse {
        guard let repo = repositories[call.key] else { return .notFound() }
        let state = call.query["state"] ?? "open"
        let wanted = (call.query["labels"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let issues = repo.issues.values
            .filter { state == "all" || $0.state == state }
            .filter { issue in wanted.allSatisfy { label in issue.labels.contains { $0.lowercased() == label } } }
            .sorted { $0.number > $1.number }
            .map { issueJSON($0, repo) }
        return paginated(issues, call: call, path: "/repos/\(call.key)/issues")
    }

    /// Edits an issue (or the issue part of a pull request); a state change sends `closed` or `reopened`.
    func updateIssue(_ call: RepoCall, number: String) async -> GitHubEmulatorResponse {
        guard let number = Int(number), var repo = repositories[call.key], var issue = repo.issues[number] else { return .notFound() }
        let previousState = issue.state
        if let state = call.body["state"]?.stringValue {
            guard ["open", "closed"].contains(state) else { return .validation(resource: "Issue", field: "state", code: "invalid") }
            issue.closedAt = state == "closed" ? (issue.closedAt ?? now()) : nil
            issue.closedBy = state == "closed" ? (issue.closedBy ?? call.actor) : nil
            issue.state = state
            issue.stateReason = call.body["state_reason"]?.stringValue ?? (state == "closed" ? "completed" : "reopened")
        }
        if let title = call.body["title"]?.stringValue { issue.title = title }
        if let body = call.body["body"] { issue.body = body.stringValue }
        if let labels = call.body["labels"]?.arrayValue {
            let names = labels.compactMap { $0.stringValue }
            for name in names where repo.labels[name.lowercased()] == nil {
                repo.labels[name.lowercased()] = EmulatedLabel(id: makeID(), name: name, color: "ededed")
            }
            issue.labels = names.compactMap { repo.labels[$0.lowercased()]?.name }
        }
        if let assignees = call.body["assignees"]?.arrayValue { issue.assignees = assignees.compactMap { $0.stringValue } }
        issue.updatedAt = now()
        repo.issues[number] = issue
        repositories[call.key] = repo
        if issue.state != previousState {
            await emitIssueAction(issue.state == "closed" ? "closed" : "reopened", issue: issue, repo: repo, sender: call.actor, extra: [:])
        }
        return .json(200, issueJSON(issue, repo))
    }

    /// Sends an `issues` event, or a `pull_request` event when the issue is a pull request.
    func emitIssueAction(_ action: String, issue: EmulatedIssue, repo: EmulatedRepository, sender: EmulatedUser, extra: [String: JSONValue]) async {
        var fields = extra
        fields["action"] = .string(action)
        if issue.isPull, let pull = repo.pulls[issue.number] {
            fields["number"] = .int(issue.number)
            fields["pull_request"] = pullJSON(pull, repo)
            await emit("pull_request", fields, repo: repo, sender: sender)
        } else {
            fields["issue"] = issueJSON(issue, repo)
            await emit("issues", fields, repo: repo, sender: sender)
        }
    }

    func lockIssue(_ call: RepoCall, number: String) -> GitHubEmulatorResponse {
        guard let number = Int(number), repositories[call.key]?.issues[number] != nil else { return .notFound() }
        let reason = call.body["lock_reason"]?.stringValue
        if let reason, !["off-topic", "too heated", "resolved", "spam"].contains(reason) {
            return .validation(resource: "Issue", field: "lock_reason", code: "invalid")
        }
        repositories[call.key]?.issues[number]?.locked = true
        repositories[call.key]?.issues[number]?.lockReason = reason
        return .noContent()
    }

    // MARK: Comments

    /// Adds a comment (also used by the `comment` driver) and sends `issue_comment` `created`.
    func createComment(_ call: RepoCall, number: String) async -> GitHubEmulatorResponse {
        guard let number = Int(number), var repo = repositories[call.key], let issue = repo.issues[number] else { return .notFound() }
        guard let body = call.body["body"]?.stringValue, !body.isEmpty else { return .validation(resource: "IssueComment", field: "body") }
        if issue.locked, permission(of: call.identity, on: repo) != "admin", call.actor.type != "Bot" {
            return .error(403, "Unable to create comment because issue is locked.")
        }
        let time = now()
        let comment = EmulatedComment(id: makeID(), issueNumber: number, body: body, author: call.actor, createdAt: time, updatedAt: time)
        repo.comments[comment.id] = comment
        repositories[call.key] = repo
        let fields: [String: JSONValue] = ["action": "created", "issue": issueJSON(issue, repo), "comment": payloads.comment(comment, repo: repo)]
        await emit("issue_comment", fields, repo: repo, sender: call.actor)
        return .json(201, payloads.comment(comment, repo: repo))
    }

    func updateComment(_ call: RepoCall, id: String) -> GitHubEmulatorResponse {
        guard let id = Int(id), var comment = repositories[call.key]?.comments[id], let repo = repositories[call.key] else { return .notFound() }
        guard let body = call.body["body"]?.stringValue else { return .validation(resource: "IssueComment", field: "body") }
        comment.body = body
        comment.updatedAt = now()
        repositories[call.key]?.comments[id] = comment
        return .json(200, payloads.comment(comment, repo: repo))
    }

    func listComments(_ call: RepoCall, number: String) -> GitHubEmulatorResponse {
        guard let number = Int(number), let repo = repositories[call.key], repo.issues[number] != nil else { return .notFound() }
        var since = Date.distantPast
        if let text = call.query["since"] {
            guard let parsed = ISO8601DateFormatter().date(from: text) else { return .validation(resource: "IssueComment", field: "since", code: "invalid") }
            since = parsed
        }
        let comments = repo.comments.values.filter { $0.issueNumber == number && $0.updatedAt >= since }.sorted { $0.id < $1.id }
            .map { payloads.comment($0, repo: repo) }
        return paginated(comments, call: call, path: "/repos/\(call.key)/issues/\(number)/comments")
    }

    func addReaction(_ call: RepoCall, id: String) -> GitHubEmulatorResponse {
        guard let id = Int(id), var comment = repositories[call.key]?.comments[id] else { return .notFound() }
        guard let content = call.body["content"]?.stringValue, ["+1", "-1", "laugh", "confused", "heart", "hooray", "rocket", "eyes"].contains(content) else {
            return .validation(resource: "Reaction", field: "content", code: "invalid")
        }
        if let existing = comment.reactions.first(where: { $0.content == content && $0.user.login == call.actor.login }) {
            return .json(200, reactionJSON(existing))
        }
        let reaction = EmulatedReaction(id: makeID(), content: content, user: call.actor)
        comment.reactions.append(reaction)
        repositories[call.key]?.comments[id] = comment
        return .json(201, reactionJSON(reaction))
    }

    private func reactionJSON(_ reaction: EmulatedReaction) -> JSONValue {
        [
            "id": .int(reaction.id), "node_id": .string("REA_\(reaction.id)"), "user": payloads.user(reaction.user),
            "content": .string(reaction.content), "created_at": EmulatorPayloads.date(now()),
        ]
    }

    // MARK: Labels

    /// The repository's labels by name, paginated.
    func listLabels(_ call: RepoCall) -> GitHubEmulatorResponse {
        guard let repo = repositories[call.key] else { return .notFound() }
        let labels = repo.labels.values.sorted { $0.name.lowercased() < $1.name.lowercased() }.map { payloads.label($0, repo: repo) }
        return paginated(labels, call: call, path: "/repos/\(call.key)/labels")
    }

    func getLabel(_ call: RepoCall, name: String) -> GitHubEmulatorResponse {
        guard let repo = repositories[call.key], let label = repo.labels[name.lowercased()] else { return .notFound() }
        return .json(200, payloads.label(label, repo: repo))
    }

    func createLabel(_ call: RepoCall) -> GitHubEmulatorResponse {
        guard var repo = repositories[call.key] else { return .notFound() }
        guard let name = call.body["name"]?.stringValue, !name.isEmpty else { return .validation(resource: "Label", field: "name") }
        let color = (call.body["color"]?.stringValue ?? "ededed").lowercased()
        guard Self.isColor(color) else { return .validation(resource: "Label", field: "color", code: "invalid") }
        guard repo.labels[name.lowercased()] == nil else { return .validation(resource: "Label", field: "name", code: "already_exists") }
        let label = EmulatedLabel(id: makeID(), name: name, color: color, description: call.body["description"]?.stringValue)
        repo.labels[name.lowercased()] = label
        repositories[call.key] = repo
        return .json(201, payloads.label(label, repo: repo))
    }

    func updateLabel(_ call: RepoCall, name: String) -> GitHubEmulatorResponse {
        guard var repo = repositories[call.key], var label = repo.labels[name.lowercased()] else { return .notFound() }
        if let color = call.body["color"]?.stringValue {
            guard Self.isColor(color.lowercased()) else { return .validation(resource: "Label", field: "color", code: "invalid") }
            label.color = color.lowercased()
        }
        if let description = call.body["description"]?.stringValue { label.description = description }
        if let newName = call.body["new_name"]?.stringValue {
            repo.labels[name.lowercased()] = nil
            label.name = newName
        }
        repo.labels[label.name.lowercased()] = label
        repositories[call.key] = repo
        return .json(200, payloads.label(label, repo: repo))
    }

    static func isColor(_ text: String) -> Bool {
        text.count == 6 && text.allSatisfy { $0.isHexDigit }
    }

    /// Adds labels; each new one sends `labeled`.
    func addLabels(_ call: RepoCall, number: String) async -> GitHubEmulatorResponse {
        guard let number = Int(number), var repo = repositories[call.key], var issue = repo.issues[number] else { return .notFound() }
        guard let names = call.body["labels"]?.arrayValue?.compactMap({ $0.stringValue }) else {
            return .validation(resource: "Label", field: "labels")
        }
        var added: [EmulatedLabel] = []
        for name in names {
            if repo.labels[name.lowercased()] == nil {
                repo.labels[name.lowercased()] = EmulatedLabel(id: makeID(), name: name, color: "ededed")
            }
            if !issue.labels.contains(where: { $0.lowercased() == name.lowercased() }), let label = repo.labels[name.lowercased()] {
                issue.labels.append(label.name)
                added.append(label)
            }
        }
        repo.issues[number] = issue
        repositories[call.key] = repo
        for label in added {
            await emitIssueAction("labeled", issue: issue, repo: repo, sender: call.actor, extra: ["label": payloads.label(label, repo: repo)])
        }
        return .json(200, .array(issue.labels.compactMap { repo.labels[$0.lowercased()] }.map { payloads.label($0, repo: repo) }))
    }

    func removeLabel(_ call: RepoCall, number: String, name: String) -> GitHubEmulatorResponse {
        guard let number = Int(number), var repo = repositories[call.key], var issue = repo.issues[number] else { return .notFound() }
        guard issue.labels.contains(where: { $0.lowercased() == name.lowercased() }) else { return .error(404, "Label does not exist") }
        issue.labels.removeAll { $0.lowercased() == name.lowercased() }
        repo.issues[number] = issue
        repositories[call.key] = repo
        return .json(200, .array(issue.labels.compactMap { repo.labels[$0.lowercased()] }.map { payloads.label($0, repo: repo) }))
    }

    // MARK: People

    func collaboratorPermission(_ call: RepoCall, login: String) -> GitHubEmulatorResponse {
        guard let repo = repositories[call.key] else { return .notFound() }
        guard let user = users[login] else { return .error(404, "\(login) is not a user") }
        let role = permission(of: .user(user), on: repo)
        let legacy: String
        switch role {
        case "maintain": legacy = "write"
        case "triage": legacy = "read"
        default: legacy = role
        }
        let collaborator = payloads.user(user).setting("role_name", to: .string(role)).setting("permissions", to: [
            "admin": .bool(role == "admin"), "maintain": .bool(["admin", "maintain"].contains(role)),
            "push": .bool(["admin", "maintain", "write"].contains(role)), "triage": .bool(["admin", "maintain", "write", "triage"].contains(role)),
            "pull": .bool(role != "none"),
        ])
        return .json(200, ["permission": .string(legacy), "role_name": .string(role), "user": collaborator])
    }
}

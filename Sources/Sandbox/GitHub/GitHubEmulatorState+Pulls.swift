import Foundation
import JSON

extension GitHubEmulatorState {
    func pullJSON(_ pull: EmulatedPull, _ repo: EmulatedRepository) -> JSONValue {
        guard let issue = repo.issues[pull.number] else { return .null }
        return payloads.pullRequest(pull, issue: issue, repo: repo, users: users)
    }

    /// Opens a pull request (also used by the `openPullRequest` driver) and sends `pull_request` `opened`.
    func createPull(_ call: RepoCall) async -> GitHubEmulatorResponse {
        guard let found = repositories[call.key] else { return .notFound() }
        for field in ["title", "head", "base"] where (call.body[field]?.stringValue ?? "").isEmpty {
            return .validation(resource: "PullRequest", field: field)
        }
        let title = call.body["title"]?.stringValue ?? ""
        let head = Self.branchName(call.body["head"]?.stringValue ?? "")
        let base = call.body["base"]?.stringValue ?? ""
        let headSHA = try? await host.branchSHA(owner: found.owner.login, name: found.name, branch: head)
        let baseSHA = try? await host.branchSHA(owner: found.owner.login, name: found.name, branch: base)
        guard let headSHA = headSHA ?? nil else { return .validation(resource: "PullRequest", field: "head", code: "invalid") }
        guard let baseSHA = baseSHA ?? nil else { return .validation(resource: "PullRequest", field: "base", code: "invalid") }
        // Re-read after the awaits: other requests may have changed the repository meanwhile.
        guard var repo = repositories[call.key] else { return .notFound() }
        if repo.pulls.values.contains(where: { $0.head == head && $0.base == base && repo.issues[$0.number]?.state == "open" }) {
            return .error(422, "Validation Failed", errors: [["resource": "PullRequest", "code": "custom", "message": .string("A pull request already exists for \(repo.owner.login):\(head).")]])
        }
        let time = now()
        var issue = EmulatedIssue(id: makeID(), number: repo.nextNumber, title: title, body: call.body["body"]?.stringValue, author: call.actor, createdAt: time, updatedAt: time)
        issue.isPull = true
        issue.hiddenReads = faults.readAfterWriteLag
        let pull = EmulatedPull(
            id: makeID(), number: issue.number, head: head, base: base, headSHA: headSHA, baseSHA: baseSHA,
            draft: call.body["draft"]?.boolValue ?? false)
        repo.nextNumber += 1
        repo.issues[issue.number] = issue
        repo.pulls[pull.number] = pull
        repositories[call.key] = repo
        await emit("pull_request", ["action": "opened", "number": .int(pull.number), "pull_request": pullJSON(pull, repo)], repo: repo, sender: call.actor)
        return .json(201, pullJSON(pull, repo))
    }

    static func branchName(_ head: String) -> String {
        head.split(separator: ":", maxSplits: 1).last.map(String.init) ?? head
    }

    func getPull(_ call: RepoCall, number: String) -> GitHubEmulatorResponse {
        guard let repo = repositories[call.key], let n = Int(number), let pull = repo.pulls[n] else { return .notFound() }
        guard readableIssue(call, number: number) != nil else { return .notFound() }
        return .json(200, pullJSON(pull, repo))
    }

    func listPulls(_ call: RepoCall) -> GitHubEmulatorResponse {
        guard let repo = repositories[call.key] else { return .notFound() }
        let state = call.query["state"] ?? "open"
        let head = call.query["head"].map(Self.branchName)
        let pulls = repo.pulls.values
            .filter { state == "all" || repo.issues[$0.number]?.state == state }
            .filter { head == nil || $0.head == head }
            .sorted { $0.number > $1.number }
            .map { pullJSON($0, repo) }
        return paginated(pulls, call: call, path: "/repos/\(call.key)/pulls")
    }

    func updatePull(_ call: RepoCall, number: String) async -> GitHubEmulatorResponse {
        guard let n = Int(number), repositories[call.key]?.pulls[n] != nil else { return .notFound() }
        if let base = call.body["base"]?.stringValue { repositories[call.key]?.pulls[n]?.base = base }
        let response = await updateIssue(call, number: number)
        guard response.status == 200, let repo = repositories[call.key], let pull = repo.pulls[n] else { return response }
        return .json(200, pullJSON(pull, repo))
    }

    /// Merges through the repository host, then sends `pull_request` `closed` (merged) and `push` for the base.
    func mergePull(_ call: RepoCall, number: String) async -> GitHubEmulatorResponse {
        guard let n = Int(number), let repo = repositories[call.key], let pull = repo.pulls[n], let issue = repo.issues[n] else { return .notFound() }
        if pull.merged || issue.state != "open" { return .error(405, "Pull Request is not mergeable") }
        if pull.draft { return .error(405, "Pull Request is still a draft") }
        if let sha = call.body["sha"]?.stringValue, sha != pull.headSHA {
            return .error(409, "Head branch was modified. Review and try the merge again.")
        }
        let method = call.body["merge_method"]?.stringValue ?? "merge"
        guard ["merge", "squash", "rebase"].contains(method) else { return .validation(resource: "PullRequest", field: "merge_method", code: "invalid") }
        let message = call.body["commit_title"]?.stringValue ?? "Merge pull request #\(n) from \(repo.owner.login)/\(pull.head)"
        let mergeKey = "\(call.key)#\(n)"
        guard !merging.contains(mergeKey) else { return .error(405, "Merge already in progress") }
        merging.insert(mergeKey)
        defer { merging.remove(mergeKey) }
        let sha: String
        do {
            sha = try await host.merge(owner: repo.owner.login, name: repo.name, head: pull.head, base: pull.base, message: message)
        } catch {
            return .error(405, "Pull Request is not mergeable: \(error)")
        }
        guard var current = repositories[call.key], var merged = current.pulls[n], var closed = current.issues[n] else { return .notFound() }
        let time = now()
        let before = merged.baseSHA
        merged.merged = true
        merged.mergedAt = time
        merged.mergeCommitSHA = sha
        merged.mergedBy = call.actor
        closed.state = "closed"
        closed.closedAt = time
        closed.updatedAt = time
        current.pulls[n] = merged
        current.issues[n] = closed
        current.pushedAt = time
        repositories[call.key] = current
        await emit("pull_request", ["action": "closed", "number": .int(n), "pull_request": pullJSON(merged, current)], repo: current, sender: call.actor)
        await emitPush(repo: current, branch: merged.base, before: before, after: sha, message: message, pusher: call.actor)
        return .json(200, ["sha": .string(sha), "merged": true, "message": "Pull Request successfully merged"])
    }

    func listReviews(_ call: RepoCall, number: String) -> GitHubEmulatorResponse {
        guard let n = Int(number), let repo = repositories[call.key], let pull = repo.pulls[n] else { return .notFound() }
        let reviews = pull.reviews.map { payloads.review($0, pull: pull, repo: repo, webhookCase: false) }
        return paginated(reviews, call: call, path: "/repos/\(call.key)/pulls/\(n)/reviews")
    }

    func listFiles(_ call: RepoCall, number: String) -> GitHubEmulatorResponse {
        guard let n = Int(number), let repo = repositories[call.key], let pull = repo.pulls[n] else { return .notFound() }
        let files = pull.files.map { payloads.file($0, repo: repo, sha: pull.headSHA) }
        return paginated(files, call: call, path: "/repos/\(call.key)/pulls/\(n)/files")
    }

    /// Sends a `push` webhook for a branch move.
    func emitPush(repo: EmulatedRepository, branch: String, before: String, after: String, message: String, pusher: EmulatedUser) async {
        let zero = String(repeating: "0", count: 40)
        let changes = (try? await host.changes(owner: repo.owner.login, name: repo.name, from: before == zero ? nil : before, to: after)) ?? HostedChanges()
        let commit: JSONValue = [
            "id": .string(after), "tree_id": .string(after), "distinct": true, "message": .string(message),
            "timestamp": EmulatorPayloads.date(now()), "url": .string("\(payloads.webBase)/\(repo.fullName)/commit/\(after)"),
            "author": ["name": .string(pusher.login), "email": .string("\(pusher.login)@users.noreply.github.com"), "username": .string(pusher.login)],
            "committer": ["name": .string(pusher.login), "email": .string("\(pusher.login)@users.noreply.github.com"), "username": .string(pusher.login)],
            "added": .array(changes.added.map { .string($0) }), "removed": .array(changes.removed.map { .string($0) }),
            "modified": .array(changes.modified.map { .string($0) }),
        ]
        let fields: [String: JSONValue] = [
            "ref": .string("refs/heads/\(branch)"), "before": .string(before), "after": .string(after),
            "created": .bool(before == String(repeating: "0", count: 40)), "deleted": false, "forced": false, "base_ref": nil,
            "compare": .string("\(payloads.webBase)/\(repo.fullName)/compare/\(before.prefix(12))...\(after.prefix(12))"),
            "commits": [commit], "head_commit": commit,
            "pusher": ["name": .string(pusher.login), "email": .string("\(pusher.login)@users.noreply.github.com")],
        ]
        await emit("push", fields, repo: repo, sender: pusher, forPush: true)
    }
}

import Foundation
import JSON

extension GitHubEmulator {
    /// Opens an issue as `user` (sends `issues` `opened`); returns its number.
    /// - Throws: `GitHubEmulatorError.rejected` with GitHub's answer when refused.
    @discardableResult
    public func openIssue(as user: String, owner: String, repo: String, title: String, body: String? = nil, labels: [String] = []) async throws -> Int {
        let payload: JSONValue = ["title": .string(title), "body": .optional(body), "labels": .array(labels.map { .string($0) })]
        let json = try await act(user, owner, repo, "POST", ["issues"], payload)
        return json["number"]?.intValue ?? 0
    }

    /// Comments on an issue or pull request as `user` (sends `issue_comment` `created`); returns the comment id.
    /// - Throws: `GitHubEmulatorError.rejected` with GitHub's answer when refused.
    @discardableResult
    public func comment(as user: String, owner: String, repo: String, issue: Int, body: String) async throws -> Int {
        let json = try await act(user, owner, repo, "POST", ["issues", String(issue), "comments"], ["body": .string(body)])
        return json["id"]?.intValue ?? 0
    }

    /// Opens a pull request as `user` (sends `pull_request` `opened`); returns its number.
    /// - Throws: `GitHubEmulatorError.rejected` with GitHub's answer when refused.
    @discardableResult
    public func openPullRequest(as user: String, owner: String, repo: String, head: String, base: String, title: String, draft: Bool = false) async throws -> Int {
        let payload: JSONValue = ["title": .string(title), "head": .string(head), "base": .string(base), "draft": .bool(draft)]
        let json = try await act(user, owner, repo, "POST", ["pulls"], payload)
        return json["number"]?.intValue ?? 0
    }

    /// Submits a review as `user` (`APPROVED`, `CHANGES_REQUESTED` or `COMMENTED`; sends `pull_request_review` `submitted`).
    /// - Throws: `GitHubEmulatorError.notFound` when the pull request does not exist.
    @discardableResult
    public func submitReview(as user: String, owner: String, repo: String, pull: Int, state reviewState: String = "APPROVED", body: String = "") async throws -> Int {
        guard let id = await state.submitReview(as: user, key: "\(owner)/\(repo)", number: pull, state: reviewState, body: body) else {
            throw GitHubEmulatorError.notFound("pull request \(owner)/\(repo)#\(pull)")
        }
        return id
    }

    /// Pushes a new commit to `branch` as `user` (creating it from `from` when missing); sends `push` and
    /// `pull_request` `synchronize` for open pull requests from that branch. Returns the new head.
    /// - Throws: what the repository host throws.
    @discardableResult
    public func push(as user: String, owner: String, repo: String, branch: String, from: String? = nil, message: String = "Update") async throws -> String {
        let before = try await branchSHA(owner: owner, repo: repo, branch: branch)
        let after = try await host.commit(owner: owner, name: repo, branch: branch, from: from, message: message)
        await state.notePush(as: user, key: "\(owner)/\(repo)", branch: branch, before: before, after: after, message: message)
        return after
    }

    /// Tells the emulator a branch moved by other means (a real git push to a git-backed host).
    public func notePush(as user: String, owner: String, repo: String, branch: String, before: String?, after: String, message: String) async {
        await state.notePush(as: user, key: "\(owner)/\(repo)", branch: branch, before: before, after: after, message: message)
    }

    /// Sets the files a pull request's files endpoint lists.
    /// - Throws: `GitHubEmulatorError.notFound` when the pull request does not exist.
    public func setPullRequestFiles(owner: String, repo: String, pull: Int, files: [EmulatedFile]) async throws {
        guard await state.setFiles(key: "\(owner)/\(repo)", number: pull, files: files) else {
            throw GitHubEmulatorError.notFound("pull request \(owner)/\(repo)#\(pull)")
        }
    }

    /// Marks a draft pull request ready for review as `user` (sends `pull_request` `ready_for_review`).
    /// - Throws: `GitHubEmulatorError.notFound` when the pull request does not exist.
    public func markReadyForReview(as user: String, owner: String, repo: String, pull: Int) async throws {
        guard await state.markReady(as: user, key: "\(owner)/\(repo)", number: pull) else {
            throw GitHubEmulatorError.notFound("pull request \(owner)/\(repo)#\(pull)")
        }
    }

    /// Plays the user's "Create GitHub App" click on the page the newest manifest was posted to
    /// (`POST /settings/apps/new` or `/organizations/ORG/settings/apps/new`): issues the temporary code and returns
    /// the URL GitHub sends the browser to, the manifest's `redirect_url` with `code` and `state` added. The App
    /// itself is registered when the code is exchanged (`POST /app-manifests/{code}/conversions`).
    /// - Throws: `GitHubEmulatorError.notFound` when no manifest was posted, `.rejected` when it has no `redirect_url`.
    public func createAppFromPostedManifest(as user: String) async throws -> String {
        try await state.issueManifestCode(as: user).get()
    }

    private func act(_ user: String, _ owner: String, _ repo: String, _ method: String, _ rest: [String], _ body: JSONValue) async throws -> JSONValue {
        let response = await state.act(as: user, key: "\(owner)/\(repo)", method: method, rest: rest, body: body)
        let json = JSONValue.decode(response.body) ?? .null
        guard (200..<300).contains(response.status) else {
            throw GitHubEmulatorError.rejected(status: response.status, message: json["message"]?.stringValue ?? "")
        }
        return json
    }
}

extension GitHubEmulator {
    /// Presses "Re-run" on a check run as `user`: sends `check_run` `rerequested` with the run as it stands.
    /// - Throws: `GitHubEmulatorError.notFound` when the check run does not exist.
    public func rerequestCheckRun(as user: String, owner: String, repo: String, id: Int) async throws {
        guard await state.rerequestCheckRun(as: user, key: "\(owner)/\(repo)", id: id) else {
            throw GitHubEmulatorError.notFound("check run \(id) in \(owner)/\(repo)")
        }
    }

    /// Presses "Re-run all checks" on a check suite as `user`: sends `check_suite` `rerequested`. The emulator's
    /// suite ids are those its check runs name in `check_suite.id`.
    /// - Throws: `GitHubEmulatorError.notFound` when the suite does not exist.
    public func rerequestCheckSuite(as user: String, owner: String, repo: String, id: Int) async throws {
        guard await state.rerequestCheckSuite(as: user, key: "\(owner)/\(repo)", id: id) else {
            throw GitHubEmulatorError.notFound("check suite \(id) in \(owner)/\(repo)")
        }
    }
}

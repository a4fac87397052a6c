import Foundation

extension GitHubClient {
    // MARK: Repositories

    /// `GET /repos/{owner}/{repo}`.
    public func repository(_ repo: RepositoryRef) async throws -> GitHubRepository {
        try await get(GitHubRepository.self, repo.apiPath)
    }

    // MARK: Issues

    /// `POST /repos/{owner}/{repo}/issues`.
    public func createIssue(_ repo: RepositoryRef, _ issue: NewIssue) async throws -> GitHubIssue {
        try await write(GitHubIssue.self, "POST", "\(repo.apiPath)/issues", body: issue)
    }

    /// `GET /repos/{owner}/{repo}/issues/{number}`.
    public func issue(_ repo: RepositoryRef, number: Int, options: ReadOptions) async throws -> GitHubIssue {
        try await get(GitHubIssue.self, "\(repo.apiPath)/issues/\(number)", options: options)
    }

    /// `PATCH /repos/{owner}/{repo}/issues/{number}`.
    public func updateIssue(_ repo: RepositoryRef, number: Int, _ update: IssueUpdate) async throws -> GitHubIssue {
        try await write(GitHubIssue.self, "PATCH", "\(repo.apiPath)/issues/\(number)", body: update)
    }

    /// `GET /repos/{owner}/{repo}/issues` with a label filter, every page.
    public func listIssues(_ repo: RepositoryRef, _ query: IssueQuery) async throws -> [GitHubIssue] {
        var parameters = [("state", query.state)]
        if !query.labels.isEmpty { parameters.append(("labels", query.labels.joined(separator: ","))) }
        return try await paginate(GitHubIssue.self, "\(repo.apiPath)/issues", query: parameters)
    }

    /// `PUT /repos/{owner}/{repo}/issues/{number}/lock`; `reason` is `off-topic`, `too heated`, `resolved` or `spam`.
    public func lockIssue(_ repo: RepositoryRef, number: Int, reason: String?) async throws {
        struct Lock: Encodable { var lockReason: String }
        try await writeWithoutResult("PUT", "\(repo.apiPath)/issues/\(number)/lock", body: reason.map { Lock(lockReason: $0) })
    }

    // MARK: Comments

    /// `POST /repos/{owner}/{repo}/issues/{number}/comments`.
    public func createComment(_ repo: RepositoryRef, issue: Int, body: String) async throws -> IssueComment {
        try await write(IssueComment.self, "POST", "\(repo.apiPath)/issues/\(issue)/comments", body: ["body": body])
    }

    /// `PATCH /repos/{owner}/{repo}/issues/comments/{id}`.
    public func updateComment(_ repo: RepositoryRef, commentID: Int, body: String) async throws -> IssueComment {
        try await write(IssueComment.self, "PATCH", "\(repo.apiPath)/issues/comments/\(commentID)", body: ["body": body])
    }

    /// `GET /repos/{owner}/{repo}/issues/{number}/comments`, every page.
    public func listComments(_ repo: RepositoryRef, issue: Int, since: Date?) async throws -> [IssueComment] {
        let query = since.map { [("since", Self.timestamp($0))] } ?? []
        return try await paginate(IssueComment.self, "\(repo.apiPath)/issues/\(issue)/comments", query: query)
    }

    /// GitHub's timestamp form, `YYYY-MM-DDTHH:MM:SSZ`, rounded down to the second.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down)))
    }

    // MARK: Labels

    /// `GET /repos/{owner}/{repo}/labels`, every page.
    public func listLabels(_ repo: RepositoryRef) async throws -> [Label] {
        try await paginate(Label.self, "\(repo.apiPath)/labels")
    }

    /// `POST /repos/{owner}/{repo}/labels`; the colour is sent without `#`, in lower case.
    public func createLabel(_ repo: RepositoryRef, _ label: Label) async throws -> Label {
        var label = label
        label.color = label.color.map { $0.hasPrefix("#") ? String($0.dropFirst()).lowercased() : $0.lowercased() }
        return try await write(Label.self, "POST", "\(repo.apiPath)/labels", body: label)
    }

    /// Gets the label; creates it when missing, recolours it when its colour differs.
    public func ensureLabel(_ repo: RepositoryRef, name: String, color: String, description: String?) async throws -> Label {
        let wanted = color.hasPrefix("#") ? String(color.dropFirst()).lowercased() : color.lowercased()
        let path = "\(repo.apiPath)/labels/\(name.pathEscaped)"
        do {
            let existing = try await get(Label.self, path)
            if existing.color?.lowercased() == wanted { return existing }
            return try await write(Label.self, "PATCH", path, body: Label(name: existing.name, color: wanted, description: description))
        } catch let error as GitHubError where error.status == 404 {
            return try await write(Label.self, "POST", "\(repo.apiPath)/labels", body: Label(name: name, color: wanted, description: description))
        }
    }

    /// `POST /repos/{owner}/{repo}/issues/{number}/labels`; returns all labels now on the issue.
    public func addLabels(_ repo: RepositoryRef, issue: Int, labels: [String]) async throws -> [Label] {
        try await write([Label].self, "POST", "\(repo.apiPath)/issues/\(issue)/labels", body: ["labels": labels])
    }

    /// `DELETE /repos/{owner}/{repo}/issues/{number}/labels/{name}`; a label that is not there is not an error.
    public func removeLabel(_ repo: RepositoryRef, issue: Int, label: String) async throws {
        do {
            try await writeWithoutResult("DELETE", "\(repo.apiPath)/issues/\(issue)/labels/\(label.pathEscaped)", body: EmptyBody?.none)
        } catch let error as GitHubError where error.status == 404 {
            return
        }
    }

    // MARK: Reactions

    /// `POST /repos/{owner}/{repo}/issues/comments/{id}/reactions`.
    public func addReaction(_ repo: RepositoryRef, commentID: Int, content: ReactionContent) async throws -> Reaction {
        try await write(Reaction.self, "POST", "\(repo.apiPath)/issues/comments/\(commentID)/reactions", body: ["content": content.rawValue])
    }

    // MARK: People

    /// `GET /repos/{owner}/{repo}/collaborators/{username}/permission`.
    public func collaboratorPermission(_ repo: RepositoryRef, username: String) async throws -> CollaboratorPermission {
        try await get(CollaboratorPermission.self, "\(repo.apiPath)/collaborators/\(username.pathEscaped)/permission")
    }
}

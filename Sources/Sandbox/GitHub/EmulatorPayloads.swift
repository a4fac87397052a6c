import Foundation
import JSON

/// Builds REST and webhook JSON objects with the same keys GitHub sends.
struct EmulatorPayloads: Sendable {
    var apiBase: String
    var webBase: String
    /// Where repositories are cloned from, when a git server is attached.
    var gitBase: String?

    static func date(_ date: Date?) -> JSONValue {
        guard let date else { return .null }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return .string(formatter.string(from: date))
    }

    func user(_ user: EmulatedUser) -> JSONValue {
        let api = "\(apiBase)/users/\(user.login)"
        return [
            "login": .string(user.login), "id": .int(user.id), "node_id": .string("U_\(user.id)"),
            "avatar_url": .string("\(webBase)/avatars/\(user.id)"), "gravatar_id": "", "url": .string(api),
            "html_url": .string("\(webBase)/\(user.login)"), "followers_url": .string("\(api)/followers"),
            "following_url": .string("\(api)/following{/other_user}"), "gists_url": .string("\(api)/gists{/gist_id}"),
            "starred_url": .string("\(api)/starred{/owner}{/repo}"), "subscriptions_url": .string("\(api)/subscriptions"),
            "organizations_url": .string("\(api)/orgs"), "repos_url": .string("\(api)/repos"),
            "events_url": .string("\(api)/events{/privacy}"), "received_events_url": .string("\(api)/received_events"),
            "type": .string(user.type), "site_admin": false,
        ]
    }

    func repository(_ repo: EmulatedRepository, forPush: Bool = false) -> JSONValue {
        let api = "\(apiBase)/repos/\(repo.fullName)"
        let web = "\(webBase)/\(repo.fullName)"
        var object: [String: JSONValue] = [
            "id": .int(repo.id), "node_id": .string("R_\(repo.id)"), "name": .string(repo.name), "full_name": .string(repo.fullName),
            "private": .bool(repo.isPrivate), "owner": user(repo.owner), "html_url": .string(web), "description": nil, "fork": false,
            "url": .string(api), "homepage": nil, "size": 0, "stargazers_count": 0, "watchers_count": 0, "language": nil,
            "has_issues": true, "has_projects": true, "has_downloads": true, "has_wiki": true, "has_pages": false, "has_discussions": false,
            "forks_count": 0, "mirror_url": nil, "archived": false, "disabled": false, "open_issues_count": .int(repo.openIssueCount),
            "license": nil, "forks": 0, "open_issues": .int(repo.openIssueCount), "watchers": 0,
            "default_branch": .string(repo.defaultBranch), "is_template": false, "topics": [],
            "visibility": .string(repo.isPrivate ? "private" : "public"), "web_commit_signoff_required": false,
            "custom_properties": [:], "git_url": .string("git://\(repo.fullName).git"), "ssh_url": .string("git@emulator:\(repo.fullName).git"),
            "clone_url": .string(gitBase.map { "\($0)/\(repo.fullName).git" } ?? "\(web).git"), "svn_url": .string(web),
            "created_at": Self.date(repo.createdAt), "updated_at": Self.date(repo.pushedAt), "pushed_at": Self.date(repo.pushedAt),
        ]
        let templated = [
            "forks", "keys{/key_id}", "collaborators{/collaborator}", "teams", "hooks", "issues/events{/number}", "events",
            "assignees{/user}", "branches{/branch}", "tags", "git/blobs{/sha}", "git/tags{/sha}", "git/refs{/sha}", "git/trees{/sha}",
            "statuses/{sha}", "languages", "stargazers", "contributors", "subscribers", "subscription", "commits{/sha}",
            "git/commits{/sha}", "comments{/number}", "issues/comments{/number}", "contents/{+path}", "compare/{base}...{head}",
            "merges", "{archive_format}{/ref}", "downloads", "issues{/number}", "pulls{/number}", "milestones{/number}",
            "notifications{?since,all,participating}", "labels{/name}", "releases{/id}", "deployments",
        ]
        let names = [
            "forks_url", "keys_url", "collaborators_url", "teams_url", "hooks_url", "issue_events_url", "events_url",
            "assignees_url", "branches_url", "tags_url", "blobs_url", "git_tags_url", "git_refs_url", "trees_url",
            "statuses_url", "languages_url", "stargazers_url", "contributors_url", "subscribers_url", "subscription_url", "commits_url",
            "git_commits_url", "comments_url", "issue_comment_url", "contents_url", "compare_url",
            "merges_url", "archive_url", "downloads_url", "issues_url", "pulls_url", "milestones_url",
            "notifications_url", "labels_url", "releases_url", "deployments_url",
        ]
        for (name, suffix) in zip(names, templated) { object[name] = .string("\(api)/\(suffix)") }
        if forPush {
            object["owner"] = user(repo.owner)
                .setting("name", to: .string(repo.owner.login))
                .setting("email", to: .string("\(repo.owner.login)@users.noreply.github.com"))
            object["created_at"] = .int(Int(repo.createdAt.timeIntervalSince1970))
            object["pushed_at"] = .int(Int(repo.pushedAt.timeIntervalSince1970))
            object["stargazers"] = 0
            object["master_branch"] = .string(repo.defaultBranch)
        }
        return .object(object)
    }

    func label(_ label: EmulatedLabel, repo: EmulatedRepository) -> JSONValue {
        [
            "id": .int(label.id), "node_id": .string("LA_\(label.id)"), "url": .string("\(apiBase)/repos/\(repo.fullName)/labels/\(label.name)"),
            "name": .string(label.name), "color": .string(label.color), "default": false, "description": .optional(label.description),
            "archived_at": nil, "archived_by": nil,
        ]
    }

    func reactionsSummary(_ reactions: [EmulatedReaction], url: String) -> JSONValue {
        var summary: [String: JSONValue] = ["url": .string(url), "total_count": .int(reactions.count)]
        for kind in ["+1", "-1", "laugh", "hooray", "confused", "heart", "rocket", "eyes"] {
            summary[kind] = .int(reactions.filter { $0.content == kind }.count)
        }
        return .object(summary)
    }

    func issue(_ issue: EmulatedIssue, repo: EmulatedRepository, users: [String: EmulatedUser]) -> JSONValue {
        let api = "\(apiBase)/repos/\(repo.fullName)/issues/\(issue.number)"
        let labels = issue.labels.compactMap { repo.labels[$0.lowercased()] }.map { label($0, repo: repo) }
        let assignees = issue.assignees.compactMap { users[$0] }.map { user($0) }
        var object: [String: JSONValue] = [
            "url": .string(api), "repository_url": .string("\(apiBase)/repos/\(repo.fullName)"),
            "labels_url": .string("\(api)/labels{/name}"), "comments_url": .string("\(api)/comments"), "events_url": .string("\(api)/events"),
            "html_url": .string("\(webBase)/\(repo.fullName)/\(issue.isPull ? "pull" : "issues")/\(issue.number)"),
            "id": .int(issue.id), "node_id": .string("I_\(issue.id)"), "number": .int(issue.number), "title": .string(issue.title),
            "user": user(issue.author), "labels": .array(labels), "state": .string(issue.state), "state_reason": .optional(issue.stateReason),
            "locked": .bool(issue.locked), "assignee": assignees.first ?? .null, "assignees": .array(assignees), "milestone": nil,
            "comments": .int(repo.comments.values.filter { $0.issueNumber == issue.number }.count),
            "created_at": Self.date(issue.createdAt), "updated_at": Self.date(issue.updatedAt), "closed_at": Self.date(issue.closedAt),
            "author_association": .string(association(issue.author.login, repo: repo)), "active_lock_reason": .optional(issue.lockReason),
            "body": .optional(issue.body), "reactions": reactionsSummary([], url: "\(api)/reactions"), "draft": false,
            "closed_by": issue.closedBy.map { user($0) } ?? .null, "timeline_url": .string("\(api)/timeline"),
            "performed_via_github_app": nil,
        ]
        if issue.isPull, let pull = repo.pulls[issue.number] {
            object["pull_request"] = [
                "url": .string("\(apiBase)/repos/\(repo.fullName)/pulls/\(issue.number)"), "merged_at": Self.date(pull.mergedAt),
                "html_url": .string("\(webBase)/\(repo.fullName)/pull/\(issue.number)"),
            ]
            object["draft"] = .bool(pull.draft)
        }
        return .object(object)
    }

    func comment(_ comment: EmulatedComment, repo: EmulatedRepository) -> JSONValue {
        let api = "\(apiBase)/repos/\(repo.fullName)/issues/comments/\(comment.id)"
        return [
            "url": .string(api), "html_url": .string("\(webBase)/\(repo.fullName)/issues/\(comment.issueNumber)#issuecomment-\(comment.id)"),
            "issue_url": .string("\(apiBase)/repos/\(repo.fullName)/issues/\(comment.issueNumber)"), "id": .int(comment.id),
            "node_id": .string("IC_\(comment.id)"), "user": user(comment.author), "created_at": Self.date(comment.createdAt),
            "updated_at": Self.date(comment.updatedAt), "author_association": .string(association(comment.author.login, repo: repo)),
            "performed_via_github_app": nil, "body": .string(comment.body),
            "reactions": reactionsSummary(comment.reactions, url: "\(api)/reactions"),
        ]
    }

    func branch(_ name: String, sha: String, repo: EmulatedRepository) -> JSONValue {
        [
            "label": .string("\(repo.owner.login):\(name)"), "ref": .string(name), "sha": .string(sha),
            "user": user(repo.owner), "repo": repository(repo),
        ]
    }

    func pullRequest(_ pull: EmulatedPull, issue: EmulatedIssue, repo: EmulatedRepository, users: [String: EmulatedUser]) -> JSONValue {
        let api = "\(apiBase)/repos/\(repo.fullName)/pulls/\(pull.number)"
        let issueAPI = "\(apiBase)/repos/\(repo.fullName)/issues/\(pull.number)"
        let web = "\(webBase)/\(repo.fullName)/pull/\(pull.number)"
        let labels = issue.labels.compactMap { repo.labels[$0.lowercased()] }.map { label($0, repo: repo) }
        let assignees = issue.assignees.compactMap { users[$0] }.map { user($0) }
        let additions = pull.files.reduce(0) { $0 + $1.additions }
        let deletions = pull.files.reduce(0) { $0 + $1.deletions }
        return [
            "url": .string(api), "id": .int(pull.id), "node_id": .string("PR_\(pull.id)"), "html_url": .string(web),
            "diff_url": .string("\(web).diff"), "patch_url": .string("\(web).patch"), "issue_url": .string(issueAPI),
            "number": .int(pull.number), "state": .string(issue.state), "locked": .bool(issue.locked), "title": .string(issue.title),
            "user": user(issue.author), "body": .optional(issue.body), "created_at": Self.date(issue.createdAt),
            "updated_at": Self.date(issue.updatedAt), "closed_at": Self.date(issue.closedAt), "merged_at": Self.date(pull.mergedAt),
            "merge_commit_sha": .optional(pull.mergeCommitSHA), "assignee": assignees.first ?? .null, "assignees": .array(assignees),
            "requested_reviewers": [], "requested_teams": [], "labels": .array(labels), "milestone": nil, "draft": .bool(pull.draft),
            "commits_url": .string("\(api)/commits"), "review_comments_url": .string("\(api)/comments"),
            "review_comment_url": .string("\(apiBase)/repos/\(repo.fullName)/pulls/comments{/number}"),
            "comments_url": .string("\(issueAPI)/comments"), "statuses_url": .string("\(apiBase)/repos/\(repo.fullName)/statuses/\(pull.headSHA)"),
            "head": branch(pull.head, sha: pull.headSHA, repo: repo), "base": branch(pull.base, sha: pull.baseSHA, repo: repo),
            "_links": [
                "self": ["href": .string(api)], "html": ["href": .string(web)], "issue": ["href": .string(issueAPI)],
                "comments": ["href": .string("\(issueAPI)/comments")], "review_comments": ["href": .string("\(api)/comments")],
                "review_comment": ["href": .string("\(apiBase)/repos/\(repo.fullName)/pulls/comments{/number}")],
                "commits": ["href": .string("\(api)/commits")], "statuses": ["href": .string("\(apiBase)/repos/\(repo.fullName)/statuses/\(pull.headSHA)")],
            ],
            "author_association": .string(association(issue.author.login, repo: repo)), "auto_merge": nil, "active_lock_reason": .optional(issue.lockReason),
            "merged": .bool(pull.merged), "mergeable": pull.merged || issue.state == "closed" ? .null : true, "rebaseable": true,
            "mergeable_state": .string(pull.draft ? "draft" : "clean"), "merged_by": pull.mergedBy.map { user($0) } ?? .null,
            "comments": .int(repo.comments.values.filter { $0.issueNumber == pull.number }.count), "review_comments": 0,
            "maintainer_can_modify": false, "commits": 1, "additions": .int(additions), "deletions": .int(deletions),
            "changed_files": .int(pull.files.count),
        ]
    }

    func review(_ review: EmulatedReview, pull: EmulatedPull, repo: EmulatedRepository, webhookCase: Bool) -> JSONValue {
        let web = "\(webBase)/\(repo.fullName)/pull/\(pull.number)"
        return [
            "id": .int(review.id), "node_id": .string("PRR_\(review.id)"), "user": user(review.author), "body": .string(review.body),
            "commit_id": .string(review.commitID), "submitted_at": Self.date(review.submittedAt),
            "state": .string(webhookCase ? review.state.lowercased() : review.state), "html_url": .string("\(web)#pullrequestreview-\(review.id)"),
            "pull_request_url": .string("\(apiBase)/repos/\(repo.fullName)/pulls/\(pull.number)"),
            "author_association": .string(association(review.author.login, repo: repo)),
            "_links": ["html": ["href": .string("\(web)#pullrequestreview-\(review.id)")], "pull_request": ["href": .string("\(apiBase)/repos/\(repo.fullName)/pulls/\(pull.number)")]],
        ]
    }

    func file(_ file: EmulatedFile, repo: EmulatedRepository, sha: String) -> JSONValue {
        [
            "sha": .string(sha), "filename": .string(file.filename), "status": .string(file.status), "additions": .int(file.additions),
            "deletions": .int(file.deletions), "changes": .int(file.additions + file.deletions), "patch": .optional(file.patch),
            "blob_url": .string("\(webBase)/\(repo.fullName)/blob/\(sha)/\(file.filename)"),
            "raw_url": .string("\(webBase)/\(repo.fullName)/raw/\(sha)/\(file.filename)"),
            "contents_url": .string("\(apiBase)/repos/\(repo.fullName)/contents/\(file.filename)?ref=\(sha)"),
        ]
    }

    func checkRun(_ run: EmulatedCheckRun, repo: EmulatedRepository, app: JSONValue, pulls: [JSONValue]) -> JSONValue {
        let api = "\(apiBase)/repos/\(repo.fullName)/check-runs/\(run.id)"
        return [
            "id": .int(run.id), "node_id": .string("CR_\(run.id)"), "head_sha": .string(run.headSHA), "external_id": .string(run.externalID ?? ""),
            "url": .string(api), "html_url": .string("\(webBase)/\(repo.fullName)/runs/\(run.id)"),
            "details_url": run.detailsURL.map { .string($0) } ?? app["external_url"] ?? .null,
            "status": .string(run.status), "conclusion": .optional(run.conclusion), "started_at": Self.date(run.startedAt),
            "completed_at": Self.date(run.completedAt), "name": .string(run.name),
            "output": [
                "title": .optional(run.title), "summary": .optional(run.summary), "text": .optional(run.text),
                "annotations_count": .int(run.annotations.count), "annotations_url": .string("\(api)/annotations"),
            ],
            "check_suite": [
                "id": .int(run.id), "node_id": .string("CS_\(run.id)"), "head_branch": nil, "head_sha": .string(run.headSHA),
                "status": .string(run.status), "conclusion": .optional(run.conclusion),
                "url": .string("\(apiBase)/repos/\(repo.fullName)/check-suites/\(run.id)"), "before": nil, "after": .string(run.headSHA),
                "pull_requests": .array(pulls), "app": app, "deployment": nil,
                "created_at": EmulatorPayloads.date(run.startedAt), "updated_at": EmulatorPayloads.date(run.completedAt ?? run.startedAt),
            ],
            "app": app, "pull_requests": .array(pulls),
        ]
    }

    /// A GitHub App object as check runs carry it.
    func app(id: Int, slug: String, name: String, owner: EmulatedUser) -> JSONValue {
        [
            "id": .int(id), "slug": .string(slug), "node_id": .string("A_\(id)"), "owner": user(owner), "name": .string(name),
            "description": "", "external_url": .string("\(webBase)/apps/\(slug)"), "html_url": .string("\(webBase)/apps/\(slug)"),
            "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z",
            "permissions": ["checks": "write", "contents": "write", "issues": "write", "metadata": "read", "pull_requests": "write"],
            "events": ["check_run", "issue_comment", "issues", "pull_request", "pull_request_review", "push"],
        ]
    }

    func status(_ status: EmulatedStatus, repo: EmulatedRepository) -> JSONValue {
        [
            "url": .string("\(apiBase)/repos/\(repo.fullName)/statuses/\(status.sha)"), "avatar_url": .string("\(webBase)/avatars/\(status.creator.id)"),
            "id": .int(status.id), "node_id": .string("SC_\(status.id)"), "state": .string(status.state),
            "description": .optional(status.description), "target_url": .optional(status.targetURL), "context": .string(status.context),
            "created_at": Self.date(status.createdAt), "updated_at": Self.date(status.createdAt), "creator": user(status.creator),
        ]
    }

    func association(_ login: String, repo: EmulatedRepository) -> String {
        if login == repo.owner.login { return "OWNER" }
        if let permission = repo.permissions[login], permission != "none" { return "COLLABORATOR" }
        return "NONE"
    }
}

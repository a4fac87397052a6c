import Foundation
import GitHub
import Sandbox
import Testing

@Suite struct ClientEndpointTests {
    let repo = EmulatorHarness.repo

    @Test func readsTheRepositoryAndItsDefaultBranch() async throws {
        let harness = try await EmulatorHarness.start()
        let client = try await harness.client()
        let repository = try await client.repository(repo)
        #expect(repository.fullName == "acme/widgets")
        #expect(repository.defaultBranch == "main")
        await harness.stop()
    }

    @Test func createsReadsUpdatesListsAndLocksIssues() async throws {
        let harness = try await EmulatorHarness.start()
        let client = try await harness.client()
        let created = try await client.createIssue(repo, NewIssue(title: "Task 1", body: "Do it", labels: ["pf:task"]))
        #expect(created.number == 1)
        #expect(created.hasLabel("PF:TASK"))
        _ = try await client.createIssue(repo, NewIssue(title: "Other"))
        let fetched = try await client.issue(repo, number: 1, options: .standard)
        #expect(fetched.body == "Do it")
        let closed = try await client.updateIssue(repo, number: 1, IssueUpdate(state: "closed", stateReason: "completed"))
        #expect(closed.state == "closed")
        #expect(try await client.listIssues(repo, IssueQuery(state: "all", labels: ["pf:task"])).map(\.number) == [1])
        #expect(try await client.listIssues(repo, IssueQuery(state: "open")).map(\.number) == [2])
        try await client.lockIssue(repo, number: 1, reason: "resolved")
        let snapshot = try #require(await harness.emulator.issue(owner: "acme", repo: "widgets", number: 1))
        #expect(snapshot["locked"] == .bool(true))
        await harness.stop()
    }

    @Test func listsFollowLinkHeadersThroughEveryPage() async throws {
        let harness = try await EmulatorHarness.start()
        let client = try await harness.client(policy: RateLimitPolicy(writeSpacing: 0))
        for index in 1...105 {
            _ = try await client.createIssue(repo, NewIssue(title: "Issue \(index)"))
        }
        let issues = try await client.listIssues(repo)
        #expect(issues.count == 105)
        #expect(Set(issues.map(\.number)).count == 105)
        let pages = await harness.emulator.requests().filter { $0.method == "GET" && $0.path.hasSuffix("/issues") }
        #expect(pages.count == 2)
        #expect(pages.last?.query["page"] == "2")
        await harness.stop()
    }

    @Test func createsUpdatesAndListsComments() async throws {
        let harness = try await EmulatorHarness.start()
        let client = try await harness.client()
        let issue = try await client.createIssue(repo, NewIssue(title: "T"))
        let comment = try await client.createComment(repo, issue: issue.number, body: "first")
        let edited = try await client.updateComment(repo, commentID: comment.id, body: "edited")
        #expect(edited.body == "edited")
        _ = try await client.createComment(repo, issue: issue.number, body: "second")
        #expect(try await client.listComments(repo, issue: issue.number).compactMap(\.body) == ["edited", "second"])
        await harness.stop()
    }

    @Test func listComments_since_asksOnlyForLaterComments() async throws {
        let harness = try await EmulatorHarness.start()
        let client = try await harness.client()
        let issue = try await client.createIssue(repo, NewIssue(title: "T"))
        let first = try await client.createComment(repo, issue: issue.number, body: "first")
        _ = try await client.createComment(repo, issue: issue.number, body: "second")
        let since = try #require(first.createdAt)
        #expect(try await client.listComments(repo, issue: issue.number, since: since).compactMap(\.body) == ["first", "second"])
        #expect(try await client.listComments(repo, issue: issue.number, since: since.addingTimeInterval(3600)).isEmpty)
        let asked = await harness.emulator.requests().last { $0.path.hasSuffix("/comments") && $0.method == "GET" }
        #expect(asked?.query["since"]?.hasSuffix("Z") == true)
        #expect(asked?.query["since"]?.count == 20)
        await harness.stop()
    }

    @Test func ensureLabelCreatesRecoloursAndKeeps() async throws {
        let harness = try await EmulatorHarness.start()
        let client = try await harness.client()
        let created = try await client.ensureLabel(repo, name: "pf:task", color: "#0E8A16", description: "A task")
        #expect(created.color == "0e8a16")
        let same = try await client.ensureLabel(repo, name: "pf:task", color: "0e8a16", description: nil)
        #expect(same.id == created.id)
        let recoloured = try await client.ensureLabel(repo, name: "PF:TASK", color: "d73a4a", description: nil)
        #expect(recoloured.color == "d73a4a")
        let writes = await harness.emulator.requests().filter { $0.method != "GET" }.map(\.method)
        #expect(writes == ["POST", "PATCH"])
        await harness.stop()
    }

    @Test func addsAndRemovesIssueLabels() async throws {
        let harness = try await EmulatorHarness.start()
        let client = try await harness.client()
        let issue = try await client.createIssue(repo, NewIssue(title: "T"))
        let labels = try await client.addLabels(repo, issue: issue.number, labels: ["a", "b"])
        #expect(labels.map(\.name) == ["a", "b"])
        try await client.removeLabel(repo, issue: issue.number, label: "a")
        try await client.removeLabel(repo, issue: issue.number, label: "not-there")
        #expect(try await client.issue(repo, number: issue.number, options: .standard).labels.map(\.name) == ["b"])
        await harness.stop()
    }

    @Test func reactsToComments() async throws {
        let harness = try await EmulatorHarness.start()
        let client = try await harness.client()
        let issue = try await client.createIssue(repo, NewIssue(title: "T"))
        let comment = try await client.createComment(repo, issue: issue.number, body: "/pf accept")
        let reaction = try await client.addReaction(repo, commentID: comment.id, content: .eyes)
        #expect(reaction.content == .eyes)
        #expect(reaction.user?.login == "alice")
        await harness.stop()
    }

    @Test func opensReadsUpdatesListsAndMergesPullRequests() async throws {
        let harness = try await EmulatorHarness.start()
        let client = try await harness.client()
        try await harness.emulator.push(as: "alice", owner: "acme", repo: "widgets", branch: "pf/task-1", from: "main")
        let pull = try await client.createPullRequest(repo, NewPullRequest(title: "Task 1", head: "pf/task-1", base: "main", body: "Closes #1"))
        #expect(pull.draft == true)
        #expect(pull.head.ref == "pf/task-1")
        let renamed = try await client.updatePullRequest(repo, number: pull.number, PullRequestUpdate(title: "Task 1 (ready)"))
        #expect(renamed.title == "Task 1 (ready)")
        #expect(try await client.listPullRequests(repo, state: "open", head: "acme:pf/task-1").map(\.number) == [pull.number])
        await #expect(throws: GitHubError.self) {
            _ = try await client.mergePullRequest(repo, number: pull.number, method: .merge, sha: nil, commitTitle: nil)
        }
        try await harness.emulator.markReadyForReview(as: "alice", owner: "acme", repo: "widgets", pull: pull.number)
        await #expect(throws: GitHubError.self) {
            _ = try await client.mergePullRequest(repo, number: pull.number, method: .merge, sha: String(repeating: "f", count: 40), commitTitle: nil)
        }
        let result = try await client.mergePullRequest(repo, number: pull.number, method: .merge, sha: pull.head.sha, commitTitle: nil)
        #expect(result.merged)
        let merged = try await client.pullRequest(repo, number: pull.number, options: .standard)
        #expect(merged.merged == true)
        #expect(merged.mergeCommitSha == result.sha)
        #expect(try await harness.emulator.branchSHA(owner: "acme", repo: "widgets", branch: "main") == result.sha)
        await harness.stop()
    }

    @Test func concurrentMergesOfOnePullRequestSucceedOnce() async throws {
        let harness = try await EmulatorHarness.start()
        await harness.emulator.registerToken("pat-owner", for: "acme")
        let alice = try await harness.client()
        let owner = try await harness.client(token: "pat-owner")
        try await harness.emulator.push(as: "alice", owner: "acme", repo: "widgets", branch: "race", from: "main")
        let pull = try await alice.createPullRequest(repo, NewPullRequest(title: "Race", head: "race", base: "main", draft: false))
        let repo = repo
        async let first = try? alice.mergePullRequest(repo, number: pull.number)
        async let second = try? owner.mergePullRequest(repo, number: pull.number)
        let outcomes = await [first, second]
        #expect(outcomes.filter { $0?.merged == true }.count == 1)
        #expect(await harness.emulator.requests().filter { $0.path.hasSuffix("/merge") }.map(\.status).sorted() == [200, 405])
        await harness.stop()
    }

    @Test func listsReviewsAndFiles() async throws {
        let harness = try await EmulatorHarness.start()
        let client = try await harness.client()
        try await harness.emulator.push(as: "alice", owner: "acme", repo: "widgets", branch: "feature", from: "main")
        let pull = try await client.createPullRequest(repo, NewPullRequest(title: "F", head: "feature", base: "main"))
        try await harness.emulator.submitReview(as: "bob", owner: "acme", repo: "widgets", pull: pull.number, state: "APPROVED", body: "LGTM")
        try await harness.emulator.setPullRequestFiles(
            owner: "acme", repo: "widgets", pull: pull.number,
            files: [EmulatedFile(filename: "README.md", additions: 3, deletions: 1, patch: "@@ -1 +1 @@")])
        let reviews = try await client.listReviews(repo, pull: pull.number)
        #expect(reviews.map(\.state) == ["APPROVED"])
        #expect(reviews.first?.isApproval == true)
        let files = try await client.listFiles(repo, pull: pull.number)
        #expect(files.map(\.filename) == ["README.md"])
        #expect(files.first?.changes == 4)
        await harness.stop()
    }

    @Test func readsCollaboratorPermissions() async throws {
        let harness = try await EmulatorHarness.start()
        let client = try await harness.client()
        #expect(try await client.collaboratorPermission(repo, username: "alice").canWrite)
        let reader = try await client.collaboratorPermission(repo, username: "rita")
        #expect(reader.permission == "read")
        #expect(!reader.canWrite)
        #expect(try await client.collaboratorPermission(repo, username: "acme").permission == "admin")
        await harness.stop()
    }

    @Test func aReadOnlyTokenCannotWrite() async throws {
        let harness = try await EmulatorHarness.start()
        let reader = try await harness.client(token: "pat-rita")
        #expect(try await reader.repository(repo).name == "widgets")
        do {
            _ = try await reader.createIssue(repo, NewIssue(title: "nope"))
            Issue.record("a read-only user created an issue")
        } catch let error as GitHubError {
            #expect(error.status == 403)
        }
        #expect(await harness.emulator.requests().filter { $0.method == "POST" }.count == 1)
        await harness.stop()
    }

    @Test func validationErrorsCarryGitHubsFieldErrors() async throws {
        let harness = try await EmulatorHarness.start()
        let client = try await harness.client()
        do {
            _ = try await client.createIssue(repo, NewIssue(title: ""))
            Issue.record("expected 422")
        } catch GitHubError.http(let status, _, _, let body) {
            #expect(status == 422)
            #expect(body?.message == "Validation Failed")
            #expect(body?.errors?.first?.field == "title")
            #expect(body?.documentationUrl != nil)
        }
        await harness.stop()
    }

    @Test func unknownRepositoryIs404WithAClearMessage() async throws {
        let harness = try await EmulatorHarness.start()
        let client = try await harness.client()
        do {
            _ = try await client.repository(RepositoryRef(owner: "acme", name: "missing"))
            Issue.record("expected 404")
        } catch let error as GitHubError {
            #expect(error.status == 404)
            #expect(error.description.contains("Not Found"))
        }
        await harness.stop()
    }

    @Test func everyRequestCarriesTheRequiredHeaders() async throws {
        let harness = try await EmulatorHarness.start()
        let client = try await harness.client()
        _ = try await client.repository(repo)
        _ = try await client.createIssue(repo, NewIssue(title: "T"))
        for request in await harness.emulator.requests() {
            #expect(request.headers["user-agent"] == "pfbot-tests")
            #expect(request.headers["x-github-api-version"] == "2022-11-28")
            #expect(request.headers["accept"] == "application/vnd.github+json")
            #expect(request.headers["authorization"] == "Bearer pat-alice")
        }
        await harness.stop()
    }

    @Test func enterpriseBaseURLWithAPIPrefixIsJoinedCorrectly() async throws {
        let config = GitHubConfiguration(baseURL: "https://ghe.example.com/api/v3/", authentication: .personalAccessToken("x"))
        #expect(config.baseURL == "https://ghe.example.com/api/v3")
        let harness = try await EmulatorHarness.start()
        let client = try await GitHubClient(
            configuration: GitHubConfiguration(baseURL: harness.baseURL + "/api/v3/", authentication: .personalAccessToken("pat-alice")),
            clock: harness.clock)
        #expect(try await client.repository(repo).fullName == "acme/widgets")
        _ = try await client.createIssue(repo, NewIssue(title: "on GHES"))
        #expect(await harness.emulator.requests().map(\.status) == [200, 201])
        await harness.stop()
    }

    @Test func thePipelineSeamWorksThroughTheProtocolWithItsShortForms() async throws {
        let harness = try await EmulatorHarness.start()
        let api: any GitHubAPI = try await harness.client(policy: RateLimitPolicy(writeSpacing: 0))
        _ = try await api.ensureLabel(repo, name: "pf:task", color: "0e8a16")
        let created = try await api.createIssue(repo, NewIssue(title: "via protocol", labels: ["pf:task"]))
        #expect(try await api.issue(repo, number: created.number).title == "via protocol")
        #expect(try await api.listIssues(repo).map(\.number) == [created.number])
        try await api.lockIssue(repo, number: created.number)
        try await harness.emulator.push(as: "alice", owner: "acme", repo: "widgets", branch: "b", from: "main")
        let pull = try await api.createPullRequest(repo, NewPullRequest(title: "P", head: "b", base: "main", draft: false))
        #expect(try await api.pullRequest(repo, number: pull.number).number == pull.number)
        #expect(try await api.listPullRequests(repo).count == 1)
        _ = try await api.createCommitStatus(repo, sha: pull.head.sha, state: .success, context: "pfbot/qc")
        #expect(try await api.mergePullRequest(repo, number: pull.number).merged)
        await harness.stop()
    }

    @Test func repositoryRefParsesFullNames() {
        #expect(RepositoryRef(fullName: "acme/widgets") == RepositoryRef(owner: "acme", name: "widgets"))
        #expect(RepositoryRef(fullName: "acme") == nil)
        #expect(RepositoryRef(fullName: "a/b/c") == nil)
        #expect(RepositoryRef(fullName: "/b") == nil)
    }
}

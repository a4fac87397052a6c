import Foundation
import GitHub
import PFBotTestSupport
import Sandbox
import Testing

@Suite struct EmulatorWebhookTests {
    let repo = EmulatorHarness.repo

    /// Drives one task's whole GitHub life through the emulator; returns what the receiver got.
    static func driveLifecycle(_ harness: EmulatorHarness, receiver: WebhookReceiver) async throws -> [WebhookReceiver.Delivery] {
        let repo = EmulatorHarness.repo
        let url = try await receiver.start()
        await harness.emulator.configureWebhooks(url: url, secret: "hook-secret")
        let client = try await harness.appClient(policy: RateLimitPolicy(writeSpacing: 0))
        let issue = try await harness.emulator.openIssue(as: "alice", owner: "acme", repo: "widgets", title: "Task", body: "Body", labels: ["pf:task"])
        try await harness.emulator.comment(as: "alice", owner: "acme", repo: "widgets", issue: issue, body: "/pf accept")
        try await harness.emulator.push(as: "alice", owner: "acme", repo: "widgets", branch: "pf/task", from: "main")
        let pull = try await client.createPullRequest(repo, NewPullRequest(title: "Task", head: "pf/task", base: "main", body: "Closes #\(issue)"))
        let head = try await harness.emulator.push(as: "alice", owner: "acme", repo: "widgets", branch: "pf/task", message: "More work")
        try await harness.emulator.submitReview(as: "bob", owner: "acme", repo: "widgets", pull: pull.number, state: "APPROVED", body: "ok")
        let run = try await client.createCheckRun(repo, CheckRunRequest(name: "pfbot/qc", headSha: head, status: .inProgress))
        _ = try await client.updateCheckRun(repo, id: run.id, CheckRunRequest(conclusion: .success, output: CheckRunOutput(title: "ok", summary: "ok")))
        try await harness.emulator.markReadyForReview(as: "alice", owner: "acme", repo: "widgets", pull: pull.number)
        _ = try await client.mergePullRequest(repo, number: pull.number, method: .merge, sha: head, commitTitle: nil)
        await harness.emulator.flushWebhooks()
        return await receiver.received
    }

    static func key(_ delivery: WebhookReceiver.Delivery) -> String {
        let action = (try? JSONSerialization.jsonObject(with: delivery.body) as? [String: Any])?["action"] as? String
        return [delivery.headers["x-github-event"] ?? "?", action].compactMap { $0 }.joined(separator: ".")
    }

    @Test func lifecycleSendsSignedWebhooksThatTheClientParses() async throws {
        let harness = try await EmulatorHarness.start()
        let receiver = WebhookReceiver()
        let received = try await Self.driveLifecycle(harness, receiver: receiver)
        #expect(received.map(Self.key) == [
            "issues.opened", "issue_comment.created", "push", "pull_request.opened", "push", "pull_request.synchronize",
            "pull_request_review.submitted", "check_run.created", "check_run.completed", "pull_request.ready_for_review",
            "pull_request.closed", "push",
        ])
        let verifier = WebhookVerifier(secrets: ["hook-secret"])
        for delivery in received {
            let parsed = try WebhookDelivery(header: { delivery.headers[$0] }, body: delivery.body, verifier: verifier)
            #expect(!parsed.id.isEmpty)
            if case .unknown = parsed.event { Issue.record("unparsed \(Self.key(delivery))") }
        }
        if case .pullRequest(let closed) = try WebhookEvent.parse(name: "pull_request", body: received[10].body) {
            #expect(closed.isMerge)
            #expect(closed.installation?.id == EmulatorHarness.installationID)
        } else {
            Issue.record("expected the merge event")
        }
        if case .push(let push) = try WebhookEvent.parse(name: "push", body: received[11].body) {
            #expect(push.branch == "main")
            #expect(push.after == (try await harness.emulator.branchSHA(owner: "acme", repo: "widgets", branch: "main")))
        } else {
            Issue.record("expected the base push")
        }
        await receiver.stop()
        await harness.stop()
    }

    @Test func webhookBodiesHaveTheKeysOfTheRealPayloads() async throws {
        let harness = try await EmulatorHarness.start()
        let receiver = WebhookReceiver()
        let received = try await Self.driveLifecycle(harness, receiver: receiver)
        let fixtures = [
            "issues.opened": "issues/opened.payload.json", "issue_comment.created": "issue_comment/created.payload.json",
            "pull_request.opened": "pull_request/opened.payload.json", "pull_request.synchronize": "pull_request/synchronize.payload.json",
            "pull_request.closed": "pull_request/closed.payload.json", "pull_request_review.submitted": "pull_request_review/submitted.payload.json",
            "check_run.created": "check_run/created.payload.json", "check_run.completed": "check_run/completed.payload.json",
            "push": "push/payload.json",
        ]
        for (name, path) in fixtures {
            let delivery = try #require(received.first { Self.key($0) == name }, "no \(name) delivered")
            let ours = try #require(try JSONSerialization.jsonObject(with: delivery.body) as? [String: Any])
            let real = try #require(try JSONSerialization.jsonObject(with: Fixtures.data("github/webhooks/\(path)")) as? [String: Any])
            let missingTop = Set(real.keys).subtracting(ours.keys)
            #expect(missingTop.isEmpty, "\(name) lacks top-level \(missingTop.sorted())")
            for object in ["issue", "comment", "pull_request", "repository", "sender", "review", "check_run", "pusher"] {
                guard let realObject = real[object] as? [String: Any] else { continue }
                let ourObject = ours[object] as? [String: Any] ?? [:]
                let missing = Self.missingKeys(real: realObject, ours: ourObject, path: object, depth: 3)
                #expect(missing.isEmpty, "\(name) lacks \(missing.sorted())")
            }
        }
        await receiver.stop()
        await harness.stop()
    }

    /// Paths of keys present in `real` but absent from `ours`, descending into objects present in both
    /// (except `permissions`, whose keys are data: the permissions an App was granted).
    static func missingKeys(real: [String: Any], ours: [String: Any], path: String, depth: Int) -> [String] {
        var missing: [String] = []
        for (key, value) in real {
            guard let mine = ours[key] else {
                missing.append("\(path).\(key)")
                continue
            }
            if depth > 1, key != "permissions", let realChild = value as? [String: Any], let ourChild = mine as? [String: Any] {
                missing += missingKeys(real: realChild, ours: ourChild, path: "\(path).\(key)", depth: depth - 1)
            }
        }
        return missing
    }

    @Test func droppedDeliveriesAreListedAndCanBeRedelivered() async throws {
        let harness = try await EmulatorHarness.start()
        let receiver = WebhookReceiver()
        let url = try await receiver.start()
        await harness.emulator.configureWebhooks(url: url, secret: "s")
        let client = try await harness.appClient()
        await harness.emulator.setFaults(GitHubEmulatorFaults(webhookDropRate: 1))
        try await harness.emulator.openIssue(as: "alice", owner: "acme", repo: "widgets", title: "lost")
        await harness.emulator.setFaults(GitHubEmulatorFaults())
        await harness.emulator.flushWebhooks()
        #expect(await receiver.received.isEmpty)
        let deliveries = try await client.listWebhookDeliveries()
        let failed = try #require(deliveries.first { $0.statusCode == 0 })
        #expect(failed.event == "issues")
        #expect(failed.action == "opened")
        try await client.redeliverWebhookDelivery(id: failed.id)
        await harness.emulator.flushWebhooks()
        let redelivered = await receiver.received
        #expect(redelivered.count == 1)
        #expect(redelivered.first?.headers["x-github-event"] == "issues")
        let again = try await client.listWebhookDeliveries()
        #expect(again.contains { $0.redelivery == true && $0.statusCode == 200 })
        await receiver.stop()
        await harness.stop()
    }

    @Test func commentsByTheDriverReachTheCommandParser() async throws {
        let harness = try await EmulatorHarness.start()
        let receiver = WebhookReceiver()
        let url = try await receiver.start()
        await harness.emulator.configureWebhooks(url: url, secret: "s")
        let issue = try await harness.emulator.openIssue(as: "alice", owner: "acme", repo: "widgets", title: "T")
        try await harness.emulator.comment(as: "alice", owner: "acme", repo: "widgets", issue: issue, body: "ok\n/pf estimate 4\n> /pf cancel")
        await harness.emulator.flushWebhooks()
        let delivery = try #require(await receiver.received.last)
        guard case .issueComment(let event) = try WebhookEvent.parse(name: "issue_comment", body: delivery.body) else {
            Issue.record("expected issue_comment")
            return
        }
        #expect(PFCommandParser().parse(event.comment) == [.command(PFCommand(verb: "estimate", arguments: ["4"], argumentText: "4", line: 2))])
        await receiver.stop()
        await harness.stop()
    }

    @Test func randomServerErrorsFollowTheSeed() async throws {
        let harness = try await EmulatorHarness.start()
        let client = try await harness.client(policy: RateLimitPolicy(maxServerErrorRetries: 10))
        await harness.emulator.setFaults(GitHubEmulatorFaults(serverErrorRate: 0.5, seed: 42))
        for _ in 0..<5 { _ = try await client.collaboratorPermission(repo, username: "alice") }
        let statuses = await harness.emulator.requests().map(\.status)
        #expect(statuses.contains(502))
        #expect(statuses.filter { $0 == 200 || $0 == 304 }.count == 5)
        await harness.stop()
    }

    @Test func latencyIsAddedToAnswers() async throws {
        let harness = try await EmulatorHarness.start()
        let client = try await harness.client()
        await harness.emulator.setFaults(GitHubEmulatorFaults(latency: 0.2))
        let start = Date()
        _ = try await client.repository(repo)
        #expect(Date().timeIntervalSince(start) >= 0.2)
        await harness.stop()
    }

    @Test func requestsWithoutUserAgentOrWithAnUnknownAPIVersionAreRefused() async throws {
        let harness = try await EmulatorHarness.start()
        var anonymousAgent = HTTPClientRequestBuilder.get("\(harness.baseURL)/repos/acme/widgets")
        anonymousAgent.headers.replaceOrAdd(name: "User-Agent", value: "")
        anonymousAgent.headers.add(name: "Authorization", value: "Bearer pat-alice")
        #expect(try await HTTPClientRequestBuilder.send(anonymousAgent).0 == 403)
        var oldVersion = HTTPClientRequestBuilder.get("\(harness.baseURL)/repos/acme/widgets")
        oldVersion.headers.add(name: "Authorization", value: "Bearer pat-alice")
        oldVersion.headers.add(name: "X-GitHub-Api-Version", value: "1999-01-01")
        #expect(try await HTTPClientRequestBuilder.send(oldVersion).0 == 400)
        await harness.stop()
    }

    @Test func unauthenticatedRequestsAre401WithGitHubsErrorBody() async throws {
        let harness = try await EmulatorHarness.start()
        var request = HTTPClientRequestBuilder.get("\(harness.baseURL)/repos/acme/widgets")
        request.headers.remove(name: "Authorization")
        let (status, body) = try await HTTPClientRequestBuilder.send(request)
        #expect(status == 401)
        #expect(body["message"] as? String == "Requires authentication")
        #expect(body["documentation_url"] != nil)
        await harness.stop()
    }
}

extension EmulatorWebhookTests {
    @Test func closingLabellingAndReopeningAreAnnounced() async throws {
        let harness = try await EmulatorHarness.start()
        let receiver = WebhookReceiver()
        await harness.emulator.configureWebhooks(url: try await receiver.start(), secret: "s")
        let client = try await harness.client(policy: RateLimitPolicy(writeSpacing: 0))
        let issue = try await client.createIssue(repo, NewIssue(title: "T"))
        _ = try await client.addLabels(repo, issue: issue.number, labels: ["pf:accepted"])
        _ = try await client.updateIssue(repo, number: issue.number, IssueUpdate(state: "closed"))
        _ = try await client.updateIssue(repo, number: issue.number, IssueUpdate(state: "open"))
        try await harness.emulator.push(as: "alice", owner: "acme", repo: "widgets", branch: "b", from: "main")
        let pull = try await client.createPullRequest(repo, NewPullRequest(title: "P", head: "b", base: "main"))
        _ = try await client.updatePullRequest(repo, number: pull.number, PullRequestUpdate(state: "closed"))
        await harness.emulator.flushWebhooks()
        #expect(await receiver.received.map(Self.key) == [
            "issues.opened", "issues.labeled", "issues.closed", "issues.reopened", "push", "pull_request.opened", "pull_request.closed",
        ])
        let closed = try #require(await receiver.received.last)
        guard case .pullRequest(let event) = try WebhookEvent.parse(name: "pull_request", body: closed.body) else {
            Issue.record("expected pull_request")
            return
        }
        #expect(!event.isMerge)
        await receiver.stop()
        await harness.stop()
    }
}
